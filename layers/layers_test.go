package layers

import (
	"go/build"
	"io/fs"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

const module = "github.com/tongket/tongket/"

// allowed lists, for each package, the tongket packages it may import
// directly. A package missing here fails the test: a new package says
// where it stands.
var allowed = map[string][]string{
	// Words and values every layer uses.
	"vn":         nil,
	"lang":       nil,
	"finding":    {"lang"},
	"catalog":    {"vn"},
	"summary":    nil,
	"atomicfile": nil,
	"pool":       nil,
	"progress":   {"lang"},
	"sheetstyle": nil,
	"templates":  nil,
	"docx":       nil, // WordprocessingML, read and written; knows no report
	// read
	"xlsx":            nil,
	"table":           {"xlsx", "finding", "lang", "vn"},
	"table/tabletest": nil,
	"docx/docxtest":   nil,
	"submission":      {"table", "xlsx", "catalog", "finding", "lang", "vn"},
	"roster":          {"table", "xlsx", "catalog", "finding", "lang", "vn", "atomicfile"},
	"unitlist":        {"table", "xlsx", "finding", "lang", "vn"},
	"catalogbook":     {"table", "xlsx", "catalog", "finding", "lang", "vn"},
	// check
	"check": {"submission", "catalog", "finding", "lang", "vn"},
	// aggregate: figures of units that changed, attributed (plain values)
	"succession": {"summary"},
	// store and aggregate: no Excel, no renderer
	"store": {"submission", "roster", "unitlist", "summary", "succession", "catalog", "finding", "lang", "vn"},
	// render: never the database
	"report":   {"summary", "roster", "catalog", "sheetstyle", "templates", "atomicfile", "docx", "lang", "vn"},
	"form":     {"catalog", "sheetstyle", "submission", "vn", "atomicfile", "pool"}, // writes its files whole, many at once
	"annotate": {"finding", "lang", "atomicfile", "sheetstyle", "vn"},
	// the pipeline and the sample job, which wire the layers together
	"intake": {"submission", "roster", "unitlist", "table", "check", "store", "catalog", "finding", "lang", "vn", "xlsx"},
	// a period's outputs: reads the store, hands plain values to report
	"publish": {"store", "report", "summary", "roster", "catalog", "lang", "atomicfile"},
	"demo":    {"intake", "publish", "report", "store", "summary", "roster", "catalog", "lang", "atomicfile"},
	// the commands may use everything; tools of their own are apart
	"cmd/tongket":     nil, // checked below: anything but another command
	"scripts/release": nil,
	"layers":          nil,

	// helpers that only tests import
	"internal/goldenfile": nil,
}

// TestLayers reads every package's imports (go/build, no network, no go
// command) and fails on an import its layer may not make.
func TestLayers(t *testing.T) {
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	dirs, err := packageDirs(root)
	if err != nil {
		t.Fatal(err)
	}
	for _, rel := range dirs {
		pkg, err := build.ImportDir(filepath.Join(root, rel), 0)
		if err != nil {
			if _, ok := err.(*build.NoGoError); ok {
				continue
			}
			t.Fatalf("%s: %v", rel, err)
		}
		may, known := allowed[rel]
		if !known {
			t.Errorf("package %s is not in the layers table: add it with the packages it may import", rel)
			continue
		}
		ok := map[string]bool{}
		for _, p := range may {
			ok[p] = true
		}
		for _, imp := range pkg.Imports {
			dep, ours := strings.CutPrefix(imp, module)
			if !ours {
				continue
			}
			switch {
			case strings.HasPrefix(dep, "cmd/"):
				t.Errorf("%s imports the command %s: commands are the top layer", rel, dep)
			case rel == "cmd/tongket":
			case !ok[dep]:
				t.Errorf("%s imports %s, which its layer may not (allowed: %s)", rel, dep, strings.Join(may, ", "))
			}
		}
	}
}

// packageDirs lists the module's package folders relative to root, leaving
// out testdata and generated output.
func packageDirs(root string) ([]string, error) {
	var out []string
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() {
			return nil
		}
		name := d.Name()
		if p != root && (strings.HasPrefix(name, ".") || name == "testdata" || name == "out" || name == "bench") {
			return filepath.SkipDir
		}
		rel, _ := filepath.Rel(root, p)
		if rel != "." {
			out = append(out, filepath.ToSlash(rel))
		}
		return nil
	})
	sort.Strings(out)
	return out, err
}
