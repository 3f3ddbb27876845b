package vn

import "testing"

func TestNFC(t *testing.T) {
	if got := NFC("Ho\u0300a"); got != "Hòa" {
		t.Errorf("NFC(NFD Hòa) = %q", got)
	}
	if got := NFC("Qua\u0323\u0302n"); got != "Quận" {
		t.Errorf("NFC(NFD Quận) = %q", got)
	}
}

func TestKey(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Hòa", "hòa"},
		{"Ho\u0300a", "hòa"},   // NFD
		{"HÒA", "hòa"},         // upper case
		{"Đống Đa", "đống đa"}, // Đ → đ
		{"  Tổng   số\u00a0hộ\t:", "tổng số hộ"},
		{"Tổng số:", "tổng số"},
		{"Tổng số :: ", "tổng số"},
		{"a\r\n\tb", "a b"},
		{"“Xanh” ‘sạch’ «đẹp»", `"xanh" 'sạch' "đẹp"`},
		{"a\u200bb", "ab"},
		{"", ""},
		{" : ", ""},
		// old tone placement → modern, both cases, all five tones
		{"hoà", "hòa"}, {"hoá", "hóa"}, {"hoả", "hỏa"}, {"hoã", "hõa"}, {"hoạ", "họa"},
		{"HOÀ", "hòa"}, {"HOÁ", "hóa"}, {"HOẢ", "hỏa"}, {"HOÃ", "hõa"}, {"HOẠ", "họa"},
		{"khoè", "khòe"}, {"khoé", "khóe"}, {"khoẻ", "khỏe"}, {"khoẽ", "khõe"}, {"khoẹ", "khọe"},
		{"KHOÈ", "khòe"}, {"KHOẺ", "khỏe"}, {"KHOẸ", "khọe"},
		{"tuỳ", "tùy"}, {"thuý", "thúy"}, {"uỷ", "ủy"}, {"luỹ", "lũy"}, {"tuỵ", "tụy"},
		{"TUỲ", "tùy"}, {"THUÝ", "thúy"}, {"UỶ", "ủy"}, {"LUỸ", "lũy"}, {"TUỴ", "tụy"},
		{"Uỷ ban nhân dân", "ủy ban nhân dân"},
		{"Hoá chất, hoà bình.", "hóa chất, hòa bình."},
		{"thu\u0079\u0301", "thúy"}, // NFD old style
		// left alone: final consonant, qu, already modern
		{"hoàng", "hoàng"}, {"Huỳnh", "huỳnh"}, {"toán", "toán"},
		{"quý", "quý"}, {"Quỳnh", "quỳnh"}, {"hòa", "hòa"}, {"ngoái", "ngoái"},
		{"khuya", "khuya"}, {"khuỷu", "khuỷu"},
	}
	for _, tt := range tests {
		if got := Key(tt.in); got != tt.want {
			t.Errorf("Key(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if got := Key(Key(tt.in)); got != Key(tt.in) {
			t.Errorf("Key not idempotent on %q: %q then %q", tt.in, Key(tt.in), got)
		}
	}
}

func TestKeyEqual(t *testing.T) {
	pairs := [][2]string{
		{"hoà", "hòa"}, {"thuý", "thúy"}, {"khoẻ", "khỏe"}, {"Hoá", "hóa"}, {"uỷ", "ủy"},
		{"Ho\u0300a", "Hòa"}, {"Hòa Bình", "HOÀ  BÌNH"},
		{"Qua\u0323\u0302n Lê Chân", "quận lê chân"},
	}
	for _, p := range pairs {
		if Key(p[0]) != Key(p[1]) {
			t.Errorf("Key(%q)=%q != Key(%q)=%q", p[0], Key(p[0]), p[1], Key(p[1]))
		}
	}
}

func TestUnitKey(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Quận Hồng Bàng", "hồng bàng"},
		{"Q. Hồng Bàng", "hồng bàng"},
		{"q.Hồng Bàng", "hồng bàng"},
		{"Hồng Bàng", "hồng bàng"},
		{"Qua\u0323\u0302n Hồng Bàng", "hồng bàng"}, // NFD
		{"QUẬN  HỒNG BÀNG:", "hồng bàng"},
		{"Quận 1", "1"},
		{"Q.1", "1"},
		{"Huyện An Dương", "an dương"},
		{"H. An Dương", "an dương"},
		{"Phường Lạch Tray", "lạch tray"},
		{"P. Lạch Tray", "lạch tray"},
		{"P.Lạch Tray", "lạch tray"},
		{"Xã An Hưng", "an hưng"},
		{"X. An Hưng", "an hưng"},
		{"Thị xã Sơn Tây", "sơn tây"},
		{"TX. Sơn Tây", "sơn tây"},
		{"tx Sơn Tây", "sơn tây"},
		{"Thị trấn Núi Đèo", "núi đèo"},
		{"TT. Núi Đèo", "núi đèo"},
		{"Thành phố Hải Phòng", "hải phòng"},
		{"TP. Hải Phòng", "hải phòng"},
		{"Tp. Hải Phòng", "hải phòng"},
		{"TP.HCM", "hcm"},
		{"Thành phố Thủ Đức", "thủ đức"},
		// not prefixes
		{"Hà Nội", "hà nội"},
		{"Phú Quốc", "phú quốc"},
		{"Thủy Nguyên", "thủy nguyên"},
		{"Quảng Ninh", "quảng ninh"},
		{"Xuân Trường", "xuân trường"},
		{"Thị Cầu", "thị cầu"},
		{"Quận", "quận"},
		{"Q.", "q."},
		// unchanged for UnitKey's callers
		{"Tỉnh Quảng Ninh", "tỉnh quảng ninh"},
		{"Phường 01", "01"},
	}
	for _, tt := range tests {
		if got := UnitKey(tt.in); got != tt.want {
			t.Errorf("UnitKey(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestUnitLevel(t *testing.T) {
	tests := []struct{ in, level, bare string }{
		{"Quận Hồng Bàng", "quận", "hồng bàng"},
		{"Q. Hồng Bàng", "quận", "hồng bàng"},
		{"q.Hồng Bàng", "quận", "hồng bàng"},
		{"Qua\u0323\u0302n Hồng Bàng", "quận", "hồng bàng"}, // NFD
		{"QUẬN  HỒNG BÀNG:", "quận", "hồng bàng"},
		{"Hồng Bàng", "", "hồng bàng"},
		{"Quận 1", "quận", "1"},
		{"Q.1", "quận", "1"},
		{"Q.01", "quận", "1"},
		{"Phường 01", "phường", "1"},
		{"Phường 1", "phường", "1"},
		{"P.1", "phường", "1"},
		{"p 10", "phường", "10"},
		{"Phường 00", "phường", "0"},
		{"Phường 1A", "phường", "1a"},
		{"01", "", "1"},
		{"Huyện An Dương", "huyện", "an dương"},
		{"H. An Dương", "huyện", "an dương"},
		{"Thị trấn An Dương", "thị trấn", "an dương"},
		{"TT. An Dương", "thị trấn", "an dương"},
		{"tt An Dương", "thị trấn", "an dương"},
		{"Xã An Hưng", "xã", "an hưng"},
		{"X. An Hưng", "xã", "an hưng"},
		{"Thị xã Sơn Tây", "thị xã", "sơn tây"},
		{"TX.Thủy Nguyên", "thị xã", "thủy nguyên"},
		{"TX. Thuỷ Nguyên", "thị xã", "thủy nguyên"}, // old tone placement
		{"Thành phố Hồ Chí Minh", "thành phố", "hồ chí minh"},
		{"TP. Hồ Chí Minh", "thành phố", "hồ chí minh"},
		{"Tp Hải Phòng", "thành phố", "hải phòng"},
		{"TP.HCM", "thành phố", "hcm"},
		{"Tỉnh Quảng Ninh", "tỉnh", "quảng ninh"},
		// a first word that only looks like a prefix
		{"Hà Nội", "", "hà nội"},
		{"Xuân Thủy", "", "xuân thủy"},
		{"Phú Quốc", "", "phú quốc"},
		{"Quảng Ninh", "", "quảng ninh"},
		{"Thị Cầu", "", "thị cầu"},
		{"Tân Phú", "", "tân phú"},
		// only a prefix: a name without a level, not a level without a name
		{"Phường", "", "phường"},
		{"Q.", "", "q."},
		{"Thị trấn", "", "thị trấn"},
		{"", "", ""},
		{"  ", "", ""},
	}
	for _, tt := range tests {
		level, bare := UnitLevel(tt.in)
		if level != tt.level || bare != tt.bare {
			t.Errorf("UnitLevel(%q) = %q, %q, want %q, %q", tt.in, level, bare, tt.level, tt.bare)
		}
	}
}

// TestUnitLevelSameUnit checks which spellings name one unit: both level
// and bare name must agree.
func TestUnitLevelSameUnit(t *testing.T) {
	tests := []struct {
		a, b string
		same bool
	}{
		{"Phường 01", "P.1", true},
		{"Quận 1", "Q. 01", true},
		{"Thành phố Hải Phòng", "Tp.Hải Phòng", true},
		{"Thị xã Thủy Nguyên", "TX. Thuỷ Nguyên", true},
		{"Phường 1", "Quận 1", false},
		{"Thị trấn An Dương", "Huyện An Dương", false},
		{"TT. An Dương", "H. An Dương", false},
		{"Thị xã Sơn Tây", "Xã Sơn Tây", false},
		{"Thành phố Thủy Nguyên", "Thị xã Thủy Nguyên", false},
		{"Phường 1", "Phường 10", false},
	}
	for _, tt := range tests {
		la, ba := UnitLevel(tt.a)
		lb, bb := UnitLevel(tt.b)
		if same := la == lb && ba == bb; same != tt.same {
			t.Errorf("UnitLevel(%q) = %q, %q; UnitLevel(%q) = %q, %q; same unit %v, want %v",
				tt.a, la, ba, tt.b, lb, bb, same, tt.same)
		}
	}
}

func TestStripAccents(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Hồng Bàng", "hong bang"},
		{"Đống Đa", "dong da"},
		{"Thừa Thiên Huế", "thua thien hue"},
		{"Ho\u0300a", "hoa"},
		{"Uỷ ban:", "uy ban"},
		{"plain", "plain"},
	}
	for _, tt := range tests {
		if got := StripAccents(tt.in); got != tt.want {
			t.Errorf("StripAccents(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestWithdrawn(t *testing.T) {
	for s, want := range map[string]bool{
		"Đã rút khỏi danh sách":                 true,
		"Trần Văn Bình (rút)":                   true,
		"Số liệu sai, không sử dụng":            true,
		"ĐÃ HỦY":                                true,
		"Không tính vào tổng":                   true,
		"Có thành tích xuất sắc":                false,
		"Số liệu đã rà soát":                    false,
		"Rút kinh nghiệm công tác tuyên truyền": false,
		"":               false,
		"Sử dụng camera": false,
	} {
		if got := Withdrawn(s); got != want {
			t.Errorf("Withdrawn(%q) = %v, want %v", s, got, want)
		}
	}
}
