# The security battery's world and lenient client serve the hostile-input corpus too.
from tests.security.conftest import probe_client, security_world

__all__ = ["probe_client", "security_world"]
