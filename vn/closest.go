package vn

import (
	"cmp"
	"slices"
)

// Closest returns the indices of up to max candidates nearest to s, by
// Levenshtein distance on runes between Key(s) and Key(candidate), nearest
// first (ties in input order), keeping only those within max(3,
// len(runes(Key(s)))/3). The bound grows with length so long labels
// tolerate a few typos while short ones do not match everything. Used for
// "did you mean" suggestions.
//
// A key longer than maxSuggestRunes gets no suggestions: no label is that
// long, and the distance costs time quadratic in the length.
func Closest(s string, candidates []string, max int) []int {
	if max <= 0 || len(candidates) == 0 {
		return nil
	}
	k := []rune(Key(s))
	if len(k) > maxSuggestRunes {
		return nil
	}
	bound := len(k) / 3
	if bound < 3 {
		bound = 3
	}
	type hit struct{ i, d int }
	var hits []hit
	for i, c := range candidates {
		if d := levenshtein(k, []rune(Key(c)), bound); d <= bound {
			hits = append(hits, hit{i, d})
		}
	}
	slices.SortStableFunc(hits, func(a, b hit) int { return cmp.Compare(a.d, b.d) })
	if len(hits) > max {
		hits = hits[:max]
	}
	out := make([]int, len(hits))
	for j, h := range hits {
		out[j] = h.i
	}
	return out
}

// maxSuggestRunes bounds Closest's work to about a million cells per
// candidate.
const maxSuggestRunes = 1000

// levenshtein returns the edit distance between a and b, or any value
// above bound as soon as the distance is known to exceed it, which keeps
// long candidate lists cheap.
func levenshtein(a, b []rune, bound int) int {
	if d := len(a) - len(b); d > bound || -d > bound {
		return bound + 1
	}
	if slices.Equal(a, b) {
		return 0
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		rowMin := i
		for j := 1; j <= len(b); j++ {
			c := prev[j-1]
			if a[i-1] != b[j-1] {
				c++
			}
			c = min(c, prev[j]+1, cur[j-1]+1)
			cur[j] = c
			rowMin = min(rowMin, c)
		}
		if rowMin > bound {
			return bound + 1
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
