package roster

import (
	"bytes"
	"cmp"
	"slices"
	"strings"

	"github.com/tongket/tongket/vn"
)

// other is the catalog's catch-all organisation, always printed last.
const other = "Khác"

// Build puts the entries of the period [from, to] in print order: tập thể
// before cá nhân; within each, grouped by organisation in the order of
// lists.Organisations (organisations not in the list after them, in
// Vietnamese alphabetical order, and "Khác" last); within a group, people
// by given name, middle names, family name and collectives by name, the
// Vietnamese way. STT runs 1..n through each kind, as printed rosters
// number "I. TẬP THỂ" and "II. CÁ NHÂN".
//
// An award belongs to the period that contains the year of its decision
// date. A zero from or to leaves that end open (and Period then reports
// the earliest or latest year present). filterForm and filterOrg, when not
// empty, keep only that form or organisation (matched as Key matches).
func Build(entries []Entry, lists Lists, from, to int, filterForm, filterOrg string) Export {
	orgs, forms := newMatcher(lists.Organisations), newMatcher(lists.Forms)
	otherName := other
	if c, ok := orgs.match(other); ok {
		otherName = c
	}
	type item struct {
		n   Numbered
		key []byte
		sub []byte
	}
	byGroup := map[[2]string][]item{}
	var ex Export
	ex.Counts = Counts{ByKind: map[string]int{}, ByOrganisation: map[string]int{}, ByForm: map[string]int{}}
	minY, maxY := 0, 0
	orgSeen, formSeen := map[string]bool{}, map[string]bool{}
	var orgList, formList []string
	for _, e := range entries {
		y := e.DecisionDate.Year()
		if e.DecisionDate.IsZero() {
			if from != 0 || to != 0 {
				continue
			}
			y = 0
		}
		if from != 0 && y < from || to != 0 && y > to {
			continue
		}
		if filterForm != "" && Key(e.Form) != Key(filterForm) {
			continue
		}
		if filterOrg != "" && Key(e.Organisation) != Key(filterOrg) {
			continue
		}
		e.Kind = kindOf(e.Kind)
		if c, ok := orgs.match(e.Organisation); ok {
			e.Organisation = c
		} else if e.Organisation = clean(e.Organisation); e.Organisation == "" {
			e.Organisation = otherName
		}
		if c, ok := forms.match(e.Form); ok {
			e.Form = c
		} else {
			e.Form = clean(e.Form)
		}
		if y != 0 {
			if minY == 0 || y < minY {
				minY = y
			}
			maxY = max(maxY, y)
		}
		it := item{n: Numbered{Entry: e}}
		if !e.DecisionDate.IsZero() {
			it.n.Date = e.DecisionDate.Format("2006-01-02")
		}
		if e.Kind == Collective {
			it.key = SortKeyCollective(e.Name)
		} else {
			it.key = SortKeyPerson(e.Name)
		}
		it.sub = sortKey(e.Unit)
		g := [2]string{e.Kind, e.Organisation}
		byGroup[g] = append(byGroup[g], it)
		ex.Counts.Total++
		ex.Counts.ByKind[e.Kind]++
		ex.Counts.ByOrganisation[e.Organisation]++
		ex.Counts.ByForm[e.Form]++
		if !orgSeen[e.Organisation] {
			orgSeen[e.Organisation] = true
			orgList = append(orgList, e.Organisation)
		}
		if !formSeen[e.Form] {
			formSeen[e.Form] = true
			formList = append(formList, e.Form)
		}
	}
	ex.Period.From, ex.Period.To = cmp.Or(from, minY), cmp.Or(to, maxY)
	orgList = inListOrder(orgList, orgs.names, otherName)
	formList = inListOrder(formList, forms.names, "")

	ex.Groups = []Group{}
	for _, kind := range Kinds {
		stt := 0
		for _, org := range orgList {
			items := byGroup[[2]string{kind, org}]
			if len(items) == 0 {
				continue
			}
			slices.SortStableFunc(items, func(a, b item) int {
				return cmp.Or(
					bytes.Compare(a.key, b.key),
					bytes.Compare(a.sub, b.sub),
					a.n.DecisionDate.Compare(b.n.DecisionDate),
					cmp.Compare(a.n.Name, b.n.Name),
					cmp.Compare(a.n.File, b.n.File),
					cmp.Compare(a.n.Sheet, b.n.Sheet),
					cmp.Compare(a.n.Row, b.n.Row),
				)
			})
			g := Group{Kind: kind, Organisation: org, Entries: make([]Numbered, len(items))}
			for i, it := range items {
				stt++
				it.n.STT = stt
				g.Entries[i] = it.n
			}
			ex.Groups = append(ex.Groups, g)
		}
	}

	for _, org := range orgList {
		row := TableRow{Organisation: org, ByKindForm: map[string]map[string]int{}}
		for _, g := range ex.Groups {
			if g.Organisation != org {
				continue
			}
			for _, n := range g.Entries {
				if row.ByKindForm[g.Kind] == nil {
					row.ByKindForm[g.Kind] = map[string]int{}
				}
				row.ByKindForm[g.Kind][n.Form]++
				row.Total++
			}
		}
		ex.Table = append(ex.Table, row)
	}
	ex.Line = countsLine(ex.Counts, ex.Table, formList)
	ex.LineEN = countsLineEN(ex.Counts, ex.Table, formList)
	return ex
}

// kindOf folds a Loại as stored to Collective or Individual; anything but
// tập thể is a person.
func kindOf(k string) string {
	if Key(k) == Key(Collective) {
		return Collective
	}
	return Individual
}

// inListOrder orders names as they stand in list, those not in it after
// them in Vietnamese alphabetical order, and last (if not "") at the very
// end.
func inListOrder(names, list []string, last string) []string {
	rank := map[string]int{}
	for i, n := range list {
		rank[Key(n)] = i + 1
	}
	lastKey := Key(last)
	pos := func(n string) int {
		k := Key(n)
		switch {
		case last != "" && k == lastKey:
			return len(list) + 2
		case rank[k] > 0:
			return rank[k]
		}
		return len(list) + 1
	}
	out := slices.Clone(names)
	slices.SortStableFunc(out, func(a, b string) int {
		return cmp.Or(cmp.Compare(pos(a), pos(b)), CompareText(a, b))
	})
	return out
}

// countsLine words the counts the way reports read them out: "118 gương
// điển hình tiên tiến, trong đó: 31 tập thể, 87 cá nhân; 54 hội viên Hội
// Cựu chiến binh, …; 10 Bằng khen, 108 Giấy khen". The forms are named only
// when there is more than one.
func countsLine(c Counts, table []TableRow, forms []string) string {
	if c.Total == 0 {
		return "Chưa có tập thể, cá nhân nào được khen thưởng"
	}
	var b strings.Builder
	b.WriteString(vn.FormatInt(int64(c.Total)))
	b.WriteString(" gương điển hình tiên tiến, trong đó: ")
	var kinds []string
	for _, k := range Kinds {
		if n := c.ByKind[k]; n > 0 {
			kinds = append(kinds, vn.FormatInt(int64(n))+" "+strings.ToLower(k))
		}
	}
	b.WriteString(strings.Join(kinds, ", "))
	var orgs []string
	for _, row := range table {
		coll, indiv := 0, 0
		for _, n := range row.ByKindForm[Collective] {
			coll += n
		}
		for _, n := range row.ByKindForm[Individual] {
			indiv += n
		}
		orgs = append(orgs, vn.FormatInt(int64(row.Total))+" "+orgNoun(row.Organisation, coll > 0, indiv > 0))
	}
	if len(orgs) > 0 {
		b.WriteString("; ")
		b.WriteString(strings.Join(orgs, ", "))
	}
	if len(forms) > 1 {
		var fs []string
		for _, f := range forms {
			fs = append(fs, vn.FormatInt(int64(c.ByForm[f]))+" "+f)
		}
		b.WriteString("; ")
		b.WriteString(strings.Join(fs, ", "))
	}
	return b.String()
}

// countsLineEN is countsLine in English: "118 commended, of whom 31
// collectives, 87 individuals; by organisation: 54 Hội Cựu chiến binh, …;
// by form: 10 Bằng khen, 108 Giấy khen".
func countsLineEN(c Counts, table []TableRow, forms []string) string {
	if c.Total == 0 {
		return "No collective or person commended"
	}
	kindEN := map[string]string{Collective: "collectives", Individual: "individuals"}
	var b strings.Builder
	b.WriteString(vn.FormatInt(int64(c.Total)) + " commended, of whom ")
	var kinds []string
	for _, k := range Kinds {
		if n := c.ByKind[k]; n > 0 {
			kinds = append(kinds, vn.FormatInt(int64(n))+" "+kindEN[k])
		}
	}
	b.WriteString(strings.Join(kinds, ", "))
	var orgs []string
	for _, row := range table {
		orgs = append(orgs, vn.FormatInt(int64(row.Total))+" "+row.Organisation)
	}
	if len(orgs) > 0 {
		b.WriteString("; by organisation: " + strings.Join(orgs, ", "))
	}
	if len(forms) > 1 {
		var fs []string
		for _, f := range forms {
			fs = append(fs, vn.FormatInt(int64(c.ByForm[f]))+" "+f)
		}
		b.WriteString("; by form: " + strings.Join(fs, ", "))
	}
	return b.String()
}

// orgNoun names the members of an organisation the way reports do: "cán
// bộ, chiến sĩ Công an", "cán bộ Mặt trận", "hội viên Hội Nông dân",
// "đoàn viên thanh niên", "cá nhân khác"; with "tập thể và" in front when
// collectives are counted too ("cá nhân, tập thể khác" for Khác).
func orgNoun(org string, coll, indiv bool) string {
	k := Key(org)
	var collN, indivN, both string
	switch {
	case k == Key("Công an"):
		collN, indivN, both = "tập thể Công an", "cán bộ, chiến sĩ Công an", "tập thể và cán bộ, chiến sĩ Công an"
	case k == Key("Mặt trận Tổ quốc"):
		collN, indivN, both = "tập thể Mặt trận", "cán bộ Mặt trận", "tập thể và cán bộ Mặt trận"
	case k == Key(other):
		collN, indivN, both = "tập thể khác", "cá nhân khác", "cá nhân, tập thể khác"
	case strings.HasPrefix(k, "hội "):
		collN, indivN, both = "tập thể "+org, "hội viên "+org, "tập thể và hội viên "+org
	case k == Key("Đoàn Thanh niên") || strings.HasPrefix(k, "đoàn thanh niên"):
		collN, indivN, both = "tập thể "+org, "đoàn viên thanh niên", "tập thể và đoàn viên thanh niên"
	default:
		collN, indivN, both = "tập thể thuộc "+org, "cá nhân thuộc "+org, "tập thể và cá nhân thuộc "+org
	}
	switch {
	case coll && indiv:
		return both
	case coll:
		return collN
	}
	return indivN
}
