package search

import (
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/alongside-hub/alongside/internal/par"
)

type shard struct {
	prefix string
	stems  []string
}

// split cuts the sorted stems that start with prefix, whose sizes are
// sizes, into shards of about target bytes, by the letters that follow
// prefix; a part under an eighth of that stays in its parent's shard. A
// stem belongs to the shard of the longest prefix that starts it, which
// is how the browser finds it.
func split(prefix string, stems []string, sizes []int, target int) []shard {
	total := 0
	for _, n := range sizes {
		total += n
	}
	if total <= target {
		return []shard{{prefix, stems}}
	}
	var own []string
	var out []shard
	for i := 0; i < len(stems); {
		s := stems[i]
		if len(s) == len(prefix) {
			own = append(own, s)
			i++
			continue
		}
		_, n := utf8.DecodeRuneInString(s[len(prefix):])
		child := s[:len(prefix)+n] // one letter more than prefix
		j := i
		size := 0
		for j < len(stems) && strings.HasPrefix(stems[j], child) {
			size += sizes[j]
			j++
		}
		if size < target/8 {
			own = append(own, stems[i:j]...)
		} else {
			out = append(out, split(child, stems[i:j], sizes[i:j], target)...)
		}
		i = j
	}
	if len(own) > 0 {
		sort.Strings(own)
		out = append([]shard{{prefix, own}}, out...)
	}
	return out
}

// shard splits the stems into shards and makes the file of each, reusing
// the last build's file of a shard with the same prefix and stems none of
// whose postings changed since (st.dirty).
func (st *state) shard() {
	shards := split("", st.stems, st.sizes, shardSize(st.total))
	stale := st.stale(shards)
	built := make([]builtShard, len(shards))
	var todo []int
	for i, sh := range shards {
		if old, ok := st.shards[sh.prefix]; ok && !stale[i] && slices.Equal(old.stems, sh.stems) {
			built[i] = old
		} else {
			todo = append(todo, i)
		}
	}
	par.Ranges(len(todo), func(first, end int) {
		for _, i := range todo[first:end] {
			part := make(map[string][]int, len(shards[i].stems))
			for _, s := range shards[i].stems {
				part[s] = st.post[s]
			}
			built[i] = builtShard{shards[i].stems, hashed("s", mustJSON(part))}
		}
	})
	st.shards = make(map[string]builtShard, len(shards))
	st.order = make([]string, len(shards))
	for i, sh := range shards {
		st.shards[sh.prefix] = built[i]
		st.order[i] = sh.prefix
	}
	st.encoded, st.dirty = len(todo), nil
}

// stale says which shards hold a stem of st.dirty. A stem is in the shard
// of the longest prefix that starts it (split); should it not be found
// there, every shard is stale.
func (st *state) stale(shards []shard) []bool {
	stale := make([]bool, len(shards))
	at := make(map[string]int, len(shards))
	for i, sh := range shards {
		at[sh.prefix] = i
	}
	for _, s := range st.dirty {
		if _, ok := st.post[s]; !ok {
			continue // gone: its shard's stems are not the same
		}
		i, found := -1, false
		for end := len(s); end >= 0; {
			if j, ok := at[s[:end]]; ok {
				i = j
				break
			}
			if end == 0 {
				break
			}
			_, n := utf8.DecodeLastRuneInString(s[:end])
			end -= n
		}
		if i >= 0 {
			_, found = slices.BinarySearch(shards[i].stems, s)
		}
		if !found {
			for j := range stale {
				stale[j] = true
			}
			return stale
		}
		stale[i] = true
	}
	return stale
}
