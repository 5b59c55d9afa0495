package chatwootmock

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
)

const base58Alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"

// newToken is has_secure_token's 24-character base58 string.
func newToken() string {
	buf := make([]byte, 24)
	_, _ = rand.Read(buf)
	for i, b := range buf {
		buf[i] = base58Alphabet[int(b)%len(base58Alphabet)]
	}
	return string(buf)
}

func newHexToken(bytes int) string {
	buf := make([]byte, bytes)
	_, _ = rand.Read(buf)
	return hex.EncodeToString(buf)
}

func newUUID() string {
	b := make([]byte, 16)
	_, _ = rand.Read(b)
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16])
}
