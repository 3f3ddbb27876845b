package lang

import "testing"

// TestFNestedText: a Text argument gives each wording its own words.
func TestFNestedText(t *testing.T) {
	what := F("các năm %d, %d", "the years %d, %d", 2019, 2020)
	got := F("gộp cho %s (%d ô)", "merged over %s (%d cells)", what, 2)
	if got.VI != "gộp cho các năm 2019, 2020 (2 ô)" || got.EN != "merged over the years 2019, 2020 (2 cells)" {
		t.Errorf("F = %+v", got)
	}
	plain := F("%s %d", "%s %d", "x", 1)
	if plain.VI != "x 1" || plain.EN != "x 1" {
		t.Errorf("F = %+v", plain)
	}
}
