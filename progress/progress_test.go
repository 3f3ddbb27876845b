package progress

import (
	"bytes"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/tongket/tongket/lang"
)

func TestLine(t *testing.T) {
	tests := []struct {
		l           lang.Lang
		done, total int
		elapsed     time.Duration
		want        string
	}{
		{lang.VI, 0, 1000, 0, "Đang nhập [------------------------] 0/1000 tệp"},
		{lang.VI, 250, 1000, 10 * time.Second, "Đang nhập [######------------------] 250/1000 tệp · 25,0 tệp/giây · còn khoảng 30 giây"},
		{lang.VI, 500, 1000, time.Second, "Đang nhập [############------------] 500/1000 tệp · 500 tệp/giây · còn khoảng 1 giây"},
		{lang.VI, 10, 1000, 60 * time.Second, "Đang nhập [------------------------] 10/1000 tệp · 0,2 tệp/giây · còn khoảng 1,6 giờ"},
		{lang.VI, 1000, 1000, 4 * time.Second, "Đang nhập [########################] 1000/1000 tệp · 250 tệp/giây"},
		{lang.EN, 250, 1000, 10 * time.Second, "Ingesting [######------------------] 250/1000 files · 25.0 files/s · about 30 s left"},
		{lang.EN, 10, 1000, 60 * time.Second, "Ingesting [------------------------] 10/1000 files · 0.2 files/s · about 1.6 h left"},
		{lang.EN, 100, 1000, 20 * time.Second, "Ingesting [##----------------------] 100/1000 files · 5.0 files/s · about 3 min left"},
	}
	for _, tt := range tests {
		label := lang.Text{VI: "Đang nhập", EN: "Ingesting"}.In(tt.l)
		if got := Line(label, tt.done, tt.total, tt.elapsed, tt.l); got != tt.want {
			t.Errorf("Line(%d, %d, %v, %s)\n got %q\nwant %q", tt.done, tt.total, tt.elapsed, tt.l, got, tt.want)
		}
	}
}

// TestBar: redraws in place, at most ten times a second, and blanks out.
func TestBar(t *testing.T) {
	var out bytes.Buffer
	clock := time.Unix(0, 0)
	b := New(&out, "Đang kiểm tra", 3, lang.VI)
	b.now = func() time.Time { return clock }
	b.Set(1)
	b.Set(2) // same instant: not drawn
	clock = clock.Add(time.Second)
	b.Set(3)
	b.Done()
	s := out.String()
	if strings.Count(s, "\r") != 4 || strings.Contains(s, "2/3") || !strings.Contains(s, "3/3 tệp") || !strings.HasSuffix(s, "\r") {
		t.Fatalf("output %q", s)
	}
}

func TestIsTerminal(t *testing.T) {
	f, err := os.CreateTemp(t.TempDir(), "x")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if IsTerminal(f) {
		t.Fatal("a regular file is not a terminal")
	}
}
