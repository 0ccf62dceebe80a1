package ui

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestREADMEScreensAreFresh fails when a golden file the README's pictures
// are rendered from (docs/screens/sources.sha256) changed since they were:
// run bash docs/screens/render.sh and commit the pictures.
func TestREADMEScreensAreFresh(t *testing.T) {
	t.Parallel()
	root := filepath.Join("..", "docs", "screens")
	f, err := os.Open(filepath.Join(root, "sources.sha256"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	n := 0
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) != 3 {
			t.Fatalf("sources.sha256: %q", sc.Text())
		}
		sum, name, golden := fields[0], fields[1], fields[2]
		n++
		b, err := os.ReadFile(filepath.Join("..", golden))
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if h := sha256.Sum256(b); hex.EncodeToString(h[:]) != sum {
			t.Errorf("docs/screens/%s.svg is stale: %s changed; run bash docs/screens/render.sh", name, golden)
		}
		if _, err := os.Stat(filepath.Join(root, name+".svg")); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
	if n == 0 {
		t.Fatal("sources.sha256 lists no picture")
	}
}
