package ui

import (
	"go/build"
	"path/filepath"
	"strings"
	"testing"
)

// TestScreensImportNeitherAuthNorConfig: the screens reach sessions and
// stores only through package deps, so neither auth nor config (nor any
// package under them) is among what package ui builds on.
func TestScreensImportNeitherAuthNorConfig(t *testing.T) {
	t.Parallel()
	const module = "github.com/hyperline-tui/hlx"
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	var visit func(path, from string)
	visit = func(path, from string) {
		if seen[path] {
			return
		}
		seen[path] = true
		rel := strings.TrimPrefix(strings.TrimPrefix(path, module), "/")
		if rel == "auth" || rel == "config" || strings.HasPrefix(rel, "auth/") || strings.HasPrefix(rel, "config/") {
			t.Errorf("package ui depends on %s (imported by %s)", path, from)
			return
		}
		pkg, err := build.ImportDir(filepath.Join(root, filepath.FromSlash(rel)), 0)
		if err != nil {
			t.Fatalf("read %s: %v", path, err)
		}
		for _, imp := range pkg.Imports {
			if imp == module || strings.HasPrefix(imp, module+"/") {
				visit(imp, path)
			}
		}
	}
	visit(module+"/ui", "")
	if len(seen) < 3 {
		t.Fatalf("only %d packages read: the walk found nothing", len(seen))
	}
}
