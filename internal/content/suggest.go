package content

import (
	"fmt"
	"sort"
	"strings"
)

// closest returns the candidate nearest to s by edit distance, if it is
// near enough to be a likely typo: at most a third of the longer word.
func closest(s string, candidates []string) (string, bool) {
	best, bestD := "", -1
	for _, c := range candidates {
		d := editDistance(strings.ToLower(s), strings.ToLower(c))
		if bestD < 0 || d < bestD || (d == bestD && c < best) {
			best, bestD = c, d
		}
	}
	if bestD < 0 {
		return "", false
	}
	limit := max(len(s), len(best)) / 3
	if limit < 1 {
		limit = 1
	}
	return best, bestD <= limit
}

// editDistance is the Levenshtein distance between a and b, in bytes.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// suggestHint says "did you mean" when a near name exists, and otherwise
// lists what there is (when the list is short enough to read).
func suggestHint(s string, candidates []string, what string) string {
	if c, ok := closest(s, candidates); ok {
		return fmt.Sprintf("did you mean %q?", c)
	}
	return listHint(candidates, what)
}

func listHint(candidates []string, what string) string {
	if len(candidates) == 0 {
		return ""
	}
	sorted := append([]string(nil), candidates...)
	sort.Strings(sorted)
	if len(sorted) > 15 {
		return fmt.Sprintf("there are %d %s; check the spelling", len(sorted), what)
	}
	return fmt.Sprintf("the %s are: %s", what, strings.Join(sorted, ", "))
}
