package chatwoot

import (
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"net/http"
)

// tlsOptions are the provider's TLS settings. Verification stays on unless insecureSkipVerify.
type tlsOptions struct {
	caPEM              []byte
	insecureSkipVerify bool
}

// secureTransport returns the RoundTripper the Client sends through: base (or a clone of Go's
// default transport, which honours HTTPS_PROXY and friends) with TLS 1.2 or later, and the private
// CAs and verification setting of opts applied.
func secureTransport(base http.RoundTripper, opts tlsOptions) (http.RoundTripper, error) {
	var t *http.Transport
	switch rt := base.(type) {
	case nil:
		def, ok := http.DefaultTransport.(*http.Transport)
		if !ok {
			return nil, errors.New("http.DefaultTransport is not an *http.Transport")
		}
		t = def.Clone()
	case *http.Transport:
		t = rt.Clone()
	default:
		// A custom RoundTripper (tests, fuzzing) is used as it is; TLS settings cannot apply to it.
		if len(opts.caPEM) > 0 || opts.insecureSkipVerify {
			return nil, fmt.Errorf("TLS settings need an *http.Transport, not %T", base)
		}
		return base, nil
	}
	cfg := &tls.Config{MinVersion: tls.VersionTLS12}
	if t.TLSClientConfig != nil {
		cfg = t.TLSClientConfig.Clone()
		if cfg.MinVersion < tls.VersionTLS12 {
			cfg.MinVersion = tls.VersionTLS12
		}
	}
	if len(opts.caPEM) > 0 {
		pool, err := CertPoolWith(opts.caPEM)
		if err != nil {
			return nil, err
		}
		cfg.RootCAs = pool
	}
	cfg.InsecureSkipVerify = opts.insecureSkipVerify //nolint:gosec // an explicit, warned-about user choice
	t.TLSClientConfig = cfg
	// Terraform runs 10 operations at once by default, all to one host. Go's default keeps only 2
	// idle connections per host, so 8 would be closed after every round and re-dialled (a TCP and
	// TLS handshake each) for the next one.
	t.MaxIdleConnsPerHost = maxIdleConnsPerHost
	return t, nil
}

// maxIdleConnsPerHost is comfortably above Terraform's default -parallelism of 10.
const maxIdleConnsPerHost = 32

// CertPoolWith returns the system's certificate authorities plus those in pemData, which must
// hold at least one PEM "CERTIFICATE" block.
func CertPoolWith(pemData []byte) (*x509.CertPool, error) {
	pool, err := x509.SystemCertPool()
	if err != nil || pool == nil {
		pool = x509.NewCertPool()
	}
	if !pool.AppendCertsFromPEM(pemData) {
		return nil, errors.New("the CA certificate data holds no PEM-encoded certificate (a block starting with -----BEGIN CERTIFICATE-----)")
	}
	return pool, nil
}
