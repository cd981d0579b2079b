package main

import (
	"os"
	"path/filepath"
	"testing"
)

// TestMain removes the binary the child-process tests built.
func TestMain(m *testing.M) {
	code := m.Run()
	if binPath != "" {
		os.RemoveAll(filepath.Dir(binPath))
	}
	os.Exit(code)
}
