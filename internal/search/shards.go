package search

import (
	"slices"
	"sort"
	"strconv"
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
			built[i] = builtShard{shards[i].stems, hashed("s", encodeShard(shards[i].stems, st.post))}
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

// encodeShard is the file of a shard: each of its stems, sorted, with its
// postings, as mustJSON writes a map of them, written out directly (a
// common word's postings are long, and the reflection of encoding/json
// was most of a rebuild's time).
func encodeShard(stems []string, post map[string][]int) []byte {
	n := 2
	for _, s := range stems {
		n += size(s, post[s])
	}
	b := make([]byte, 0, n)
	b = append(b, '{')
	for i, s := range stems {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendString(b, s)
		b = append(b, ':', '[')
		for j, p := range post[s] {
			if j > 0 {
				b = append(b, ',')
			}
			b = strconv.AppendInt(b, int64(p), 10)
		}
		b = append(b, ']')
	}
	return append(b, '}')
}

// appendString appends s as a JSON string, as mustJSON writes it.
func appendString(b []byte, s string) []byte {
	if !plain(s) {
		return append(b, mustJSON(s)...)
	}
	b = append(b, '"')
	b = append(b, s...)
	return append(b, '"')
}

// stringSize is the bytes of s as a JSON string.
func stringSize(s string) int {
	if !plain(s) {
		return len(mustJSON(s))
	}
	return len(s) + 2
}

// plain reports whether s is printable ASCII with no quote or backslash,
// which JSON writes as it is.
func plain(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c >= 0x7f || c == '"' || c == '\\' {
			return false
		}
	}
	return true
}
