package store_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/tongket/tongket/catalog"
	"github.com/tongket/tongket/store"
)

// crashCatalogs are the two catalogs the child swaps between: the built-in
// one, and one with an indicator added, another renamed, a rule and an
// organisation more. A kill must leave exactly one of them in force.
func crashCatalogs() [2]*catalog.Catalog {
	a := catalog.Builtin()
	inds := append([]catalog.Indicator{}, a.Indicators...)
	inds[2].Name = "Số buổi tuyên truyền, vận động"
	inds = append(inds, catalog.Indicator{Code: "TT_MANG", Name: "Số bài tuyên truyền trên mạng xã hội", Unit: "bài", Agg: catalog.Sum, Kind: catalog.Count})
	rules := append(append([]catalog.Rule{}, a.Rules...), catalog.Rule{Left: "TT_MANG", Op: ">=", Right: "0", Severity: "warning"})
	b, err := catalog.New(inds, rules)
	if err != nil {
		panic(err)
	}
	b.Organisations = append(append([]string{}, a.Organisations...), "Hội Người cao tuổi")
	b.AwardForms = a.AwardForms
	return [2]*catalog.Catalog{a, b}
}

func catalogChild(t *testing.T, path string) {
	ctx := context.Background()
	db, err := store.Open(ctx, path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	cats := crashCatalogs()
	fmt.Fprintln(os.Stderr, "ready")
	for i, deadline := 0, time.Now().Add(time.Minute); time.Now().Before(deadline); i++ {
		fmt.Fprintln(os.Stderr, "begin catalog", i%2)
		if _, err := db.ReplaceCatalog(ctx, cats[i%2], true); err != nil {
			t.Fatal(err)
		}
		fmt.Fprintln(os.Stderr, "end")
	}
}

// TestCrashCatalogImport kills a process replacing the catalog: the catalog
// in force is always one of the two whole, never a mix.
func TestCrashCatalogImport(t *testing.T) {
	if os.Getenv(childEnv) == "1" {
		catalogChild(t, os.Getenv("TONGKET_STORE_DB"))
		return
	}
	skipWithoutKill(t)
	t.Parallel()
	path := filepath.Join(t.TempDir(), "tongket.db")
	mustOpenDBAt(t, path).Close()
	cats := crashCatalogs()
	rng := parentRand(t)
	mid := 0
	for i := 0; i < killCount(); i++ {
		k := killChild(t, "TestCrashCatalogImport", []string{"TONGKET_STORE_DB=" + path}, rng, 50*time.Millisecond)
		if k.midWrite() {
			mid++
		}
		db := mustOpenDBAt(t, path)
		checkWhole(t, db.SQL())
		got, err := db.FullCatalog(context.Background())
		if err != nil {
			t.Fatalf("kill %d: the catalog does not load: %v", i, err)
		}
		whole := false
		for _, c := range cats {
			if len(got.Indicators) == len(c.Indicators) && len(got.Rules) == len(c.Rules) &&
				len(got.Organisations) == len(c.Organisations) && got.Indicators[2].Name == c.Indicators[2].Name {
				whole = true
			}
		}
		if !whole {
			t.Errorf("kill %d after %v (%q): a mixed catalog: %d indicators, %d rules, %d organisations",
				i, k.delay, k.last(), len(got.Indicators), len(got.Rules), len(got.Organisations))
		}
		db.Close()
	}
	t.Logf("%d kills, %d in the middle of a catalog import", killCount(), mid)
}
