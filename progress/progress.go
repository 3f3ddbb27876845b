// Package progress shows how far a long command has got: files done out of
// the total, the rate and the time left, redrawn in place on one line of a
// terminal. Commands show it only when standard error is a terminal and
// --quiet is not given, so logs and pipes never see it.
package progress

import (
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/tongket/tongket/lang"
)

// IsTerminal reports whether f is a terminal (a character device), which is
// how both Unix and Windows consoles present themselves.
func IsTerminal(f *os.File) bool {
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// Bar is a one-line progress bar. It is safe for concurrent use.
type Bar struct {
	mu    sync.Mutex
	w     io.Writer
	label string
	total int
	done  int
	start time.Time
	drawn time.Time
	width int // characters of the last line, to blank it out
	now   func() time.Time
	lang  lang.Lang
}

// New starts a bar over total items, labelled "Đang kiểm tra" or the like,
// its words in l.
func New(w io.Writer, label string, total int, l lang.Lang) *Bar {
	b := &Bar{w: w, label: label, total: total, now: time.Now, lang: l}
	b.start = b.now()
	return b
}

// Set records that done items are finished, redrawing at most ten times a
// second.
func (b *Bar) Set(done int) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.done = done
	if t := b.now(); t.Sub(b.drawn) >= 100*time.Millisecond || done == b.total {
		b.drawn = t
		b.draw()
	}
}

// Line is the text of the bar for done of total after elapsed, in l.
func Line(label string, done, total int, elapsed time.Duration, l lang.Lang) string {
	const cells = 24
	filled := 0
	if total > 0 {
		filled = done * cells / total
	}
	w := func(vi, en string) string { return lang.Text{VI: vi, EN: en}.In(l) }
	line := fmt.Sprintf("%s [%s%s] %d/%d %s", label, strings.Repeat("#", filled), strings.Repeat("-", cells-filled), done, total, w("tệp", "files"))
	if secs := elapsed.Seconds(); done > 0 && secs > 0.5 {
		rate := float64(done) / secs
		line += fmt.Sprintf(" · %s %s", decimal(rate, l), w("tệp/giây", "files/s"))
		if left := float64(total-done) / rate; done < total {
			line += w(" · còn khoảng ", " · about ") + duration(left, l) + w("", " left")
		}
	}
	return line
}

func (b *Bar) draw() {
	line := Line(b.label, b.done, b.total, b.now().Sub(b.start), b.lang)
	pad := max(b.width-len([]rune(line)), 0)
	fmt.Fprintf(b.w, "\r%s%s", line, strings.Repeat(" ", pad))
	b.width = len([]rune(line))
}

// Done blanks the bar out, leaving the line free for what follows.
func (b *Bar) Done() {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.width > 0 {
		fmt.Fprintf(b.w, "\r%s\r", strings.Repeat(" ", b.width))
		b.width = 0
	}
}

// decimal writes a rate the Vietnamese way, 12,5, or the English, 12.5.
func decimal(x float64, l lang.Lang) string {
	if x >= 100 {
		return fmt.Sprintf("%.0f", x)
	}
	if l == lang.EN {
		return fmt.Sprintf("%.1f", x)
	}
	return strings.Replace(fmt.Sprintf("%.1f", x), ".", ",", 1)
}

func duration(secs float64, l lang.Lang) string {
	w := func(vi, en string) string { return lang.Text{VI: vi, EN: en}.In(l) }
	switch {
	case secs < 60:
		return fmt.Sprintf("%.0f %s", max(secs, 1), w("giây", "s"))
	case secs < 3600:
		return fmt.Sprintf("%.0f %s", secs/60, w("phút", "min"))
	}
	return decimal(secs/3600, l) + w(" giờ", " h")
}
