package render

import (
	"fmt"
	"hash/maphash"
	"reflect"
	"sort"
	"strings"
	"time"

	"github.com/alongside-hub/alongside/internal/content"
	"github.com/alongside-hub/alongside/internal/par"
)

// The fingerprint of a page, by which Cache decides whether to make it
// again: what it covers, and why, is in the doc of Cache.

// walk is a hash being made, and, for a View's, the pages whose cards it
// took (deps), for Patch.
type walk struct {
	maphash.Hash
	record bool
	deps   []*content.Page
}

// topic hashes what a layout that only names a topic reads of it: its
// slug, name and address, and with count, how many briefs it has.
func (h *walk) topic(t *content.Topic, count bool) {
	h.WriteString(t.Slug + "\x00" + t.Name + "\x00" + t.URL + "\x00")
	if count {
		maphash.WriteComparable(&h.Hash, len(t.Briefs))
	}
}

// fingerprinter hashes what a layout can read of a View.
type fingerprinter struct {
	seed   maphash.Seed
	site   uint64
	cards  map[*content.Page]uint64
	s      *content.Site
	fields map[string]uint64 // of the Site's fields, as a View holds them
	ready  bool              // prepared: cards and fields are only read
}

var (
	pageType  = reflect.TypeOf((*content.Page)(nil))
	topicType = reflect.TypeOf((*content.Topic)(nil))
	siteType  = reflect.TypeOf((*content.Site)(nil))
	timeType  = reflect.TypeOf(time.Time{})
)

// cardSkip are the fields of a page a layout may not show of another page;
// of its lists, it may show the length. The number of its words is its
// body in another form, so a change to a brief's body alone makes again
// only its own page.
var cardSkip = map[string]bool{"Headings": true, "TOC": true, "Words": true,
	"Briefs": true, "Backlinks": true, "Related": true}

func (f *fingerprinter) siteHash(s *content.Site) uint64 {
	var h maphash.Hash
	h.SetSeed(f.seed)
	fmt.Fprintf(&h, "%#v\x00%s\x00", s.Config, s.BuildDate.Format(time.RFC3339Nano))
	for _, p := range s.Others {
		fmt.Fprintf(&h, "%s\x00%s\x00", p.URL, p.Title)
	}
	return h.Sum64()
}

// prepare works out, on every core, the card of every page and the hash
// of each field of the Site a layout reads, so that view, called on every
// core, only reads them.
func (f *fingerprinter) prepare(reads map[string][]string) {
	ps := f.s.Pages
	cards := make([]uint64, len(ps))
	par.Ranges(len(ps), func(first, end int) {
		for i := first; i < end; i++ {
			cards[i] = f.cardHash(ps[i])
		}
	})
	for i, p := range ps {
		f.cards[p] = cards[i]
	}
	for _, fields := range reads {
		for _, name := range fields {
			if _, ok := f.fields[name]; !ok {
				var fh walk
				fh.SetSeed(f.seed)
				if field, ok := strings.CutPrefix(name, "len "); ok {
					maphash.WriteComparable(&fh.Hash, reflect.ValueOf(f.s).Elem().FieldByName(field).Len())
				} else if field, ok := strings.CutPrefix(name, "topics "); ok {
					for _, t := range reflect.ValueOf(f.s).Elem().FieldByName(field).Interface().([]*content.Topic) {
						fh.topic(t, true)
					}
				} else {
					f.value(&fh, reflect.ValueOf(f.s).Elem().FieldByName(name), inView)
				}
				f.fields[name] = fh.Sum64()
			}
		}
	}
	f.ready = true
}

// view is the fingerprint of v, drawn by a layout that reads these fields
// of the Site (siteFields), if counts only counts the briefs of the View's
// topic (countsTopic), and if lists reads of the View's topics only their
// names, addresses and counts (countsTopics), with the pages whose cards
// it took.
func (f *fingerprinter) view(v *View, fields []string, counts, lists bool) (uint64, []*content.Page) {
	h := walk{record: true}
	h.SetSeed(f.seed)
	maphash.WriteComparable(&h.Hash, f.site)
	for _, name := range fields {
		h.WriteString(name)
		maphash.WriteComparable(&h.Hash, f.fields[name])
	}
	rv := reflect.ValueOf(v).Elem()
	t := rv.Type()
	for i := 0; i < t.NumField(); i++ {
		sf := t.Field(i)
		if !sf.IsExported() {
			continue
		}
		h.WriteString(sf.Name)
		if sf.Type == pageType && !rv.Field(i).IsNil() {
			p := rv.Field(i).Interface().(*content.Page)
			f.value(&h, rv.Field(i).Elem(), shown) // the page the view shows, in full
			b := content.Body(p)
			maphash.WriteComparable(&h.Hash, len(b))
			h.WriteString(b)
			continue
		}
		if sf.Name == "Topics" && lists {
			for _, t := range v.Topics {
				h.topic(t, true)
			}
			continue
		}
		if sf.Name == "Topic" && counts && v.Topic != nil {
			h.topic(v.Topic, true)
			continue
		}
		f.value(&h, rv.Field(i), inView)
	}
	return h.Sum64(), h.deps
}

// Where a value is, which decides how much of a page or topic counts.
const (
	inView = iota // the View and what it holds, such as a list's topic
	shown         // the page the View shows
	inCard        // a page reached from the View or its page
)

// card is the fingerprint of what a layout may show of a page it links to.
func (f *fingerprinter) card(p *content.Page) uint64 {
	if n, ok := f.cards[p]; ok {
		return n
	}
	n := f.cardHash(p)
	if !f.ready {
		f.cards[p] = n
	}
	return n
}

// cardHash is card without the memory; it reads nothing of f that
// changes, so it may run on every core.
func (f *fingerprinter) cardHash(p *content.Page) uint64 {
	var h walk
	h.SetSeed(f.seed)
	v := reflect.ValueOf(p).Elem()
	t := v.Type()
	for i := 0; i < t.NumField(); i++ {
		sf := t.Field(i)
		if !sf.IsExported() {
			continue
		}
		h.WriteString(sf.Name)
		if cardSkip[sf.Name] {
			// A list page may show how many pages a page lists.
			if fv := v.Field(i); fv.Kind() == reflect.Slice {
				maphash.WriteComparable(&h.Hash, fv.Len())
			}
			continue
		}
		f.value(&h, v.Field(i), inCard)
	}
	return h.Sum64()
}

// value hashes v found at where. A page is hashed as its card, except
// inside a card, where it is its address; a topic reached through a page
// is its slug, name and address.
func (f *fingerprinter) value(h *walk, v reflect.Value, where int) {
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() {
			h.WriteByte(0)
			return
		}
		h.WriteByte(1)
		switch v.Type() {
		case siteType:
			return // covered by f.site
		case pageType:
			p := v.Interface().(*content.Page)
			if where == inCard {
				h.WriteString(p.URL)
				return
			}
			if h.record {
				h.deps = append(h.deps, p)
			}
			maphash.WriteComparable(&h.Hash, f.card(p))
			return
		case topicType:
			if where != inView {
				h.topic(v.Interface().(*content.Topic), false)
				return
			}
		}
		f.value(h, v.Elem(), where)
	case reflect.Struct:
		if v.Type() == timeType {
			h.WriteString(v.Interface().(time.Time).Format(time.RFC3339Nano))
			return
		}
		t := v.Type()
		for i := 0; i < t.NumField(); i++ {
			if t.Field(i).IsExported() {
				f.value(h, v.Field(i), where)
			}
		}
	case reflect.Slice:
		maphash.WriteComparable(&h.Hash, v.Len())
		if v.Type().Elem().Kind() == reflect.Uint8 {
			h.Write(v.Bytes())
			return
		}
		for i := 0; i < v.Len(); i++ {
			f.value(h, v.Index(i), where)
		}
	case reflect.Array:
		for i := 0; i < v.Len(); i++ {
			f.value(h, v.Index(i), where)
		}
	case reflect.String:
		maphash.WriteComparable(&h.Hash, v.Len())
		h.WriteString(v.String())
	case reflect.Bool:
		maphash.WriteComparable(&h.Hash, v.Bool())
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		maphash.WriteComparable(&h.Hash, v.Int())
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		maphash.WriteComparable(&h.Hash, v.Uint())
	case reflect.Float32, reflect.Float64:
		maphash.WriteComparable(&h.Hash, v.Float())
	case reflect.Map:
		keys := v.MapKeys()
		sort.Slice(keys, func(i, j int) bool { return fmt.Sprint(keys[i]) < fmt.Sprint(keys[j]) })
		maphash.WriteComparable(&h.Hash, len(keys))
		for _, k := range keys {
			f.value(h, k, where)
			f.value(h, v.MapIndex(k), where)
		}
	case reflect.Interface:
		if v.IsNil() {
			h.WriteByte(0)
			return
		}
		f.value(h, v.Elem(), where)
	default:
		// funcs and channels: nothing a layout prints
	}
}
