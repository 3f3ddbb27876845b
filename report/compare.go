package report

import (
	"sort"
	"strconv"
	"strings"

	"github.com/tongket/tongket/catalog"
	"github.com/tongket/tongket/lang"
	"github.com/tongket/tongket/roster"
	"github.com/tongket/tongket/summary"
	"github.com/tongket/tongket/vn"
)

// This file holds what every renderer says the same way about how complete
// the figures are (FORMATS.md §5.1): the sentence that replaces comparisons
// the coverage does not allow, the years whose totals lack a unit's report,
// and which rosters the award counts come from.

// comparisonNote says once, plainly, which period is too incomplete for
// the figures to be compared, and how far: "Giai đoạn 2002–2012 mới có số
// liệu của 41/132 lượt đơn vị-năm (31,1%) nên chưa so sánh được kết quả
// với giai đoạn này." When only some indicators fall short, it names them.
// It is "" when every figure with a total may be compared.
// The report's documents say it in Vietnamese; the terminal's text
// summary says it in the language asked for (l).
func comparisonNote(s *summary.Summary, l lang.Lang) string {
	w := wordingIn(l)
	var known, short []summary.Indicator
	stock := false
	for _, ind := range s.Indicators {
		if ind.Total == nil {
			continue
		}
		known = append(known, ind)
		if !ind.Previous.Comparable {
			short = append(short, ind)
			stock = stock || ind.Agg == "last"
		}
	}
	if len(short) == 0 {
		return ""
	}
	prev := s.Period.Previous()
	pc := s.PreviousCompleteness
	if pc.From == 0 && pc.To == 0 {
		pc.From, pc.To = prev.From, prev.To
	}
	cur := summary.PeriodReports{From: s.Period.From, To: s.Period.To, Expected: s.Completeness.Expected, Received: s.Completeness.Received}
	var parts []string
	for _, c := range []summary.PeriodReports{pc, cur} {
		if c.Expected > 0 && !summary.Covered(c.Received, c.Expected) {
			parts = append(parts, reportsShort(c, l))
		}
	}
	if len(short) == len(known) && len(parts) > 0 {
		also := ""
		if stock {
			also = w(" (kể cả với số liệu năm ", " (nor with the figures of ") + strconv.Itoa(prev.To) + ")"
		}
		return sentence(strings.Join(parts, "; ")) + w(" nên chưa so sánh được kết quả hai giai đoạn", ", so the two periods are not compared") + also + "."
	}
	// Indicators that fall short for the same reason are told together.
	var reasons []string
	names := map[string][]string{}
	for _, ind := range short {
		r := coverageShort(s.Period, prev, ind, l)
		if names[r] == nil {
			reasons = append(reasons, r)
		}
		names[r] = append(names[r], strings.ToLower(oneLine(ind.Name)))
	}
	if len(reasons) == 1 && len(short) == len(known) {
		return sentence(reasons[0]) + w(" nên chưa so sánh được kết quả hai giai đoạn.", ", so the two periods are not compared.")
	}
	var each []string
	for _, r := range reasons {
		each = append(each, strings.Join(names[r], ", ")+" ("+r+")")
	}
	return w("Các chỉ tiêu sau chưa so sánh được với ", "These indicators are not compared with ") + periodIn(prev, l) +
		w(" do số liệu chưa đủ: ", " for want of figures: ") + strings.Join(each, "; ") + "."
}

// reportsShort is "giai đoạn 2002–2012 mới có số liệu của 41/132 lượt đơn
// vị-năm (31,1%)", or "… chưa có số liệu" when it has none.
func reportsShort(c summary.PeriodReports, l lang.Lang) string {
	w := wordingIn(l)
	p := periodIn(summary.Period{From: c.From, To: c.To}, l)
	if c.Received == 0 {
		return p + w(" chưa có số liệu", " has no figures")
	}
	return p + w(" mới có số liệu của ", " has figures for only ") + vn.FormatInt(int64(c.Received)) + "/" + vn.FormatInt(int64(c.Expected)) +
		w(" lượt đơn vị-năm (", " unit-years (") + Percent(c.Rate()*100, false) + ")"
}

// coverageShort says why one indicator does not compare: "giai đoạn
// 2002–2012 mới có 75,0% số liệu".
func coverageShort(cur, prev summary.Period, ind summary.Indicator, l lang.Lang) string {
	w := wordingIn(l)
	var parts []string
	for _, c := range []struct {
		p   summary.Period
		cov float64
	}{{prev, ind.Previous.Coverage}, {cur, ind.Coverage}} {
		if c.cov >= summary.ComparableCoverage {
			continue
		}
		if c.cov == 0 {
			parts = append(parts, periodIn(c.p, l)+w(" chưa có số liệu", " has no figures"))
			continue
		}
		parts = append(parts, periodIn(c.p, l)+w(" mới có ", " has only ")+Percent(c.cov*100, false)+w(" số liệu", " of its figures"))
	}
	if len(parts) == 0 {
		return w("không so sánh với số 0", "no comparison with zero")
	}
	return strings.Join(parts, ", ")
}

// wordingIn picks the wording of l among a Vietnamese and an English one.
func wordingIn(l lang.Lang) func(vi, en string) string {
	return func(vi, en string) string { return lang.Text{VI: vi, EN: en}.In(l) }
}

// periodIn is periodText in l: "giai đoạn 2013–2023", "the period
// 2013–2023".
func periodIn(p summary.Period, l lang.Lang) string {
	if l != lang.EN {
		return periodText(p)
	}
	if p.From == p.To {
		return "the year " + strconv.Itoa(p.To)
	}
	return "the period " + periodDash(p)
}

// sentence capitalises the first letter.
func sentence(s string) string { return xSentence(s) }

// incompleteYears lists the years of the period in which an expected unit
// did not report, each with those units' names: the yearly totals that a
// missing report makes look lower.
func incompleteYears(s *summary.Summary) (years []int, units map[int][]string) {
	names := unitNames(s)
	units = map[int][]string{}
	for y, codes := range s.MissingIn() {
		for _, c := range codes {
			n := names[c]
			if n == "" {
				n = c
			}
			units[y] = append(units[y], n)
		}
		years = append(years, y)
	}
	sort.Ints(years)
	return years, units
}

// incompleteNote names the units missing in each marked year: "(*) Năm
// chưa đủ báo cáo: 2013, 2014 thiếu Huyện An Dương; 2020 thiếu Huyện Thủy
// Nguyên." Years missing the same units are told together; a unit that
// sent nothing in the whole period is told once. "" when no year is
// incomplete.
func incompleteNote(s *summary.Summary, l lang.Lang) string {
	w := wordingIn(l)
	years, units := incompleteYears(s)
	if len(years) == 0 {
		return ""
	}
	var never []string
	for _, u := range s.Units {
		if len(u.YearsReported) == 0 {
			never = append(never, oneLine(nameOr(u)))
		}
	}
	neverSet := map[string]bool{}
	for _, n := range never {
		neverSet[n] = true
	}
	type group struct {
		years []string
		names string
	}
	var groups []group
	for _, y := range years {
		var ns []string
		for _, n := range units[y] {
			if !neverSet[n] {
				ns = append(ns, n)
			}
		}
		if len(ns) == 0 {
			continue
		}
		key := strings.Join(ns, ", ")
		if k := len(groups); k > 0 && groups[k-1].names == key {
			groups[k-1].years = append(groups[k-1].years, strconv.Itoa(y))
			continue
		}
		groups = append(groups, group{years: []string{strconv.Itoa(y)}, names: key})
	}
	var parts []string
	for _, g := range groups {
		parts = append(parts, w("năm ", "in ")+strings.Join(g.years, ", ")+w(" thiếu ", " lacking ")+g.names)
	}
	if len(never) > 0 {
		parts = append(parts, strings.Join(never, ", ")+w(" chưa gửi báo cáo năm nào trong ", " sent no report in ")+periodIn(s.Period, l))
	}
	return w("(*) Năm chưa đủ báo cáo của các đơn vị, tổng của năm đó thấp hơn thực tế: ",
		"(*) Years lacking some units' reports, whose totals are lower than the real ones: ") + strings.Join(parts, "; ") + "."
}

// awardCounts orders the award counts as the catalog does (tập thể first,
// forms by rank, organisations in print order; names the user added after,
// most first) and says how far the rosters cover the period.
func awardCounts(s *summary.Summary) AwardCounts {
	a := s.Awards
	cat := catalog.Builtin()
	forms, orgs := a.FormOrder, a.OrganisationOrder
	if len(forms) == 0 {
		forms = cat.AwardForms
	}
	if len(orgs) == 0 {
		orgs = cat.Organisations
	}
	out := AwardCounts{
		Total:         a.Total,
		Kinds:         orderedCounts(a.ByKind, roster.Kinds),
		Forms:         orderedCounts(a.ByForm, forms),
		Organisations: orderedCounts(a.ByOrganisation, orgs),
		Covered:       a.Cover(s.Period),
		Undecided:     a.Undecided,
	}
	var spans, counted []string
	for _, sp := range a.Spans() {
		spans = append(spans, periodDash(sp))
		from, to := max(sp.From, s.Period.From), min(sp.To, s.Period.To)
		if from > to {
			continue
		}
		if from == to {
			counted = append(counted, "năm "+strconv.Itoa(from))
		} else {
			counted = append(counted, "từ năm "+strconv.Itoa(from)+" đến năm "+strconv.Itoa(to))
		}
	}
	out.Rosters = strings.Join(spans, ", ")
	out.Counted = strings.Join(counted, ", ")
	return out
}

// orderedCounts lists a map in the given order, then the names outside it,
// most first, then by name.
func orderedCounts(m map[string]int, order []string) []Count {
	rank := map[string]int{}
	for i, k := range order {
		rank[vn.Key(k)] = i + 1
	}
	out := make([]Count, 0, len(m))
	for k, v := range m {
		out = append(out, Count{Name: oneLine(k), N: v})
	}
	sort.Slice(out, func(i, j int) bool {
		ri, rj := rank[vn.Key(out[i].Name)], rank[vn.Key(out[j].Name)]
		switch {
		case ri != 0 && rj != 0:
			return ri < rj
		case ri != 0 || rj != 0:
			return ri != 0
		case out[i].N != out[j].N:
			return out[i].N > out[j].N
		}
		return out[i].Name < out[j].Name
	})
	return out
}
