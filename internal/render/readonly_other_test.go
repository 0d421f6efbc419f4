//go:build !linux

package render

import (
	"os"
	"testing"
)

// makeReadOnly makes dir unwritable until the test ends.
func makeReadOnly(t *testing.T, dir string) {
	t.Helper()
	if err := os.Chmod(dir, 0o555); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(dir, 0o755) })
}
