"""blake2b without importing hashlib: hashlib's blake2b is _blake2's, and importing hashlib loads OpenSSL too,
which a run that only needs word hashes and digests should not pay for (start-up)."""

from __future__ import annotations

try:
    from _blake2 import blake2b
except ImportError:  # another Python
    from hashlib import blake2b

__all__ = ["blake2b"]
