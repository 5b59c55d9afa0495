// Package pprofenv starts a CPU profile of the current process when BENCH_PPROF_DIR is set, for
// the benchmark's provider binaries. Terraform starts several provider processes per command, so
// each writes its own file, named after its pid.
package pprofenv

import (
	"fmt"
	"log"
	"os"
	"path/filepath"
	"runtime/pprof"
)

// EnvDir names the directory profiles are written to.
const EnvDir = "BENCH_PPROF_DIR"

// Start begins profiling if EnvDir is set and returns the function that stops and flushes it.
func Start() (stop func()) {
	dir := os.Getenv(EnvDir)
	if dir == "" {
		return func() {}
	}
	f, err := os.Create(filepath.Join(dir, fmt.Sprintf("cpu-%d.pprof", os.Getpid())))
	if err != nil {
		log.Printf("pprofenv: %v", err)
		return func() {}
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		log.Printf("pprofenv: %v", err)
		_ = f.Close()
		return func() {}
	}
	return func() {
		pprof.StopCPUProfile()
		_ = f.Close()
	}
}
