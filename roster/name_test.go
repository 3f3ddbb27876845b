package roster

import (
	"strings"
	"testing"
)

func TestPersonKey(t *testing.T) {
	tests := []struct{ name, want string }{
		{"Bà Trần Thị Mai", "trần thị mai"},
		{"bà  trần thị MAI", "trần thị mai"},
		{"Ông Nguyễn Văn An", "nguyễn văn an"},
		{"Đồng chí Thượng tá Nguyễn Văn Hùng", "nguyễn văn hùng"},
		{"Đ/c Lê Văn Ăn", "lê văn ăn"},
		{"Đại úy Phạm Văn Đức", "phạm văn đức"},
		{"Đại uý Phạm Văn Đức", "phạm văn đức"}, // old tone placement
		{"Chị Vũ Thị Ân", "vũ thị ân"},
		// Real names that start like an honorific.
		{"Ông Văn Tùng", "ông văn tùng"},     // Mr Tùng of the Ông family
		{"Ông Ông Văn Tùng", "ông văn tùng"}, // the same, addressed
		{"Bàng Văn Hải", "bàng văn hải"},     // Bàng is a family name, not "Bà"
		{"Anh Tuấn", "anh tuấn"},             // too short to drop a word
		{"Ông Thị Hạnh", "ông thị hạnh"},     // a middle name follows
		{"Trung Văn Sỹ", "trung văn sỹ"},     // not "Trung sĩ"
		{"Cụ Ông Văn Bảy", "ông văn bảy"},    // Cụ, then the family name Ông
		{"Thượng tá", "thượng tá"},           // nothing left to be a name
		{"Nguyễn Văn An", "nguyễn văn an"},   // no honorific
		{"Thiếu tướng  Trần Văn Bình", "trần văn bình"},
	}
	for _, tt := range tests {
		if got := PersonKey(tt.name); got != tt.want {
			t.Errorf("PersonKey(%q) = %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestDupKeyKind(t *testing.T) {
	coll := Entry{Name: "Nguyễn Văn An", Kind: Collective, Unit: "Xã An Đồng", Form: "Giấy khen"}
	person := coll
	person.Kind = Individual
	if dupKey(coll) == dupKey(person) {
		t.Error("a household and its head of one name are one nominee")
	}
	// Honorifics are dropped for people only: a collective named "Bà
	// Triệu Street group" keeps its whole name.
	a := Entry{Name: "Bà Trần Thị Mai", Kind: Individual, Unit: "P. Lạch Tray", Form: "Giấy khen"}
	b := Entry{Name: "Trần Thị Mai", Kind: Individual, Unit: "Phường Lạch Tray", Form: "giấy khen"}
	if dupKey(a) != dupKey(b) {
		t.Errorf("%q and %q are one person", a.Name, b.Name)
	}
	c := Entry{Name: "Bà Triệu Hai", Kind: Collective}
	d := Entry{Name: "Triệu Hai", Kind: Collective}
	if dupKey(c) == dupKey(d) {
		t.Errorf("collectives %q and %q are two", c.Name, d.Name)
	}
}

// FuzzPersonKey: no panic; the key is what remains of Key(name) after
// whole words dropped from its front, and a name of more than one word
// keeps at least two.
func FuzzPersonKey(f *testing.F) {
	for _, s := range []string{"Bà Trần Thị Mai", "Ông Văn Tùng", "Đồng chí Thượng tá Nguyễn Văn Hùng", "đ/c.", "Ông", "bà bà bà x y"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, name string) {
		k, full := PersonKey(name), Key(name)
		if !strings.HasSuffix(full, k) {
			t.Fatalf("PersonKey(%q) = %q is no tail of %q", name, k, full)
		}
		if k != full && len(strings.Fields(k)) < 2 {
			t.Fatalf("PersonKey(%q) = %q left less than a name", name, k)
		}
	})
}
