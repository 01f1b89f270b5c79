// OpenSSL's libcrypto, for SHA-256 content digests (cache keys, figure checksums in summaries).
#include <openssl/sha.h>
