package intake

import (
	"testing"

	"github.com/tongket/tongket/finding"
	"github.com/tongket/tongket/lang"
)

func TestSingle(t *testing.T) {
	fs := []finding.Finding{
		finding.New(finding.Error, finding.DuplicateRow, lang.F("a", "a")),
		finding.New(finding.Warning, finding.Outlier, lang.F("b", "b")),
	}
	r := Single("ds.xlsx", "abc", fs)
	if r.Valid || r.Stats != (Stats{Files: 1, ValidFiles: 0, Errors: 1, Warnings: 1}) || r.Files[0].Valid {
		t.Fatalf("refused file: %+v", r)
	}
	ok := Single("ds.xlsx", "abc", nil)
	if !ok.Valid || ok.Stats.ValidFiles != 1 || ok.Files[0].Findings == nil {
		t.Fatalf("clean file: %+v", ok)
	}
}
