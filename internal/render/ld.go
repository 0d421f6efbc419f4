package render

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/alongside-hub/alongside/internal/content"
)

type thing map[string]any

// briefLD is the JSON-LD of a brief. schema.org defines lastReviewed and
// reviewedBy on WebPage, not on Article, so the page is a WebPage whose
// main entity is the Article; the article carries its dates, its author
// (the hub), where it applies and a full citation entry for each source.
func briefLD(s *content.Site, p *content.Page) thing {
	hub := thing{"@type": "Organization", "name": s.Config.Title, "url": s.Config.BaseURL}
	article := thing{
		"@type":         "Article",
		"headline":      p.Title,
		"description":   p.Summary,
		"inLanguage":    s.Config.Language,
		"datePublished": isoDate(p.Published),
		"dateModified":  isoDate(updated(p)),
		"author":        hub,
		"publisher":     hub,
	}
	var places []thing
	for _, pl := range p.AppliesTo {
		places = append(places, thing{"@type": "Place", "name": pl.Name})
	}
	if len(places) > 0 {
		article["spatialCoverage"] = places
	}
	var cites []thing
	for _, src := range p.Sources {
		cites = append(cites, sourceLD(src))
	}
	if len(cites) > 0 {
		article["citation"] = cites
	}
	ld := thing{
		"@context":   "https://schema.org",
		"@type":      "WebPage",
		"name":       p.Title,
		"url":        s.Config.Abs(p.URL),
		"inLanguage": s.Config.Language,
		"isPartOf":   thing{"@type": "WebSite", "name": s.Config.Title, "url": s.Config.BaseURL},
		"mainEntity": article,
	}
	if !p.Reviewed.IsZero() {
		ld["lastReviewed"] = isoDate(p.Reviewed)
		ld["reviewedBy"] = hub
	}
	return ld
}

// sourceLD is one source as a schema.org citation: an article in a
// journal is a ScholarlyArticle inside its issue, volume and periodical;
// a law is Legislation; anything else a CreativeWork. Dates are text
// ("2025"), as schema.org's Date and DateTime are. Without an author or
// an editor, the publisher is the author: an organisation wrote it.
func sourceLD(src content.Source) thing {
	c := thing{"@type": "CreativeWork", "name": src.Title}
	switch {
	case src.Journal != "":
		c["@type"] = "ScholarlyArticle"
	case src.Type == "law":
		c["@type"] = "Legislation"
	case src.Type == "statistics":
		c["@type"] = "Dataset"
	}
	if name := src.Type.Name(); name != "" {
		c["genre"] = name
	}
	switch {
	case src.Author != "":
		c["author"] = agents(src.Author)
	case src.Editor == "" && src.Publisher != "":
		c["author"] = thing{"@type": "Organization", "name": src.Publisher}
	}
	if src.Editor != "" {
		c["editor"] = agents(src.Editor)
	}
	if src.Year != 0 {
		c["datePublished"] = strconv.Itoa(src.Year)
	}
	if src.Publisher != "" {
		c["publisher"] = thing{"@type": "Organization", "name": src.Publisher}
	}
	if src.Journal != "" {
		part := thing{"@type": "Periodical", "name": src.Journal}
		if src.Volume != "" {
			part = thing{"@type": "PublicationVolume", "volumeNumber": src.Volume, "isPartOf": part}
		}
		if src.Issue != "" {
			part = thing{"@type": "PublicationIssue", "issueNumber": src.Issue, "isPartOf": part}
		}
		c["isPartOf"] = part
	}
	if src.Pages != "" {
		c["pagination"] = src.Pages
	}
	if src.DOI != "" {
		c["identifier"] = thing{"@type": "PropertyValue", "propertyID": "DOI", "value": src.DOI}
		c["sameAs"] = src.DOIURL()
	}
	if src.URL != "" {
		c["url"] = src.URL
	} else if src.DOI != "" {
		c["url"] = src.DOIURL()
	}
	return c
}

// personName is a name as reference lists write it: a surname, then up
// to four initials ("O'Neill A", "Robinson CA", "de Vries H-J").
var personName = regexp.MustCompile(`^[\p{L}'’ .-]+ [A-Z](?:[A-Z.-]{0,7})$`)

// agents reads an author list as written. "O'Neill A, Robinson CA" is two
// people; anything that does not read as a list of surnames with
// initials ("Department of Health and Social Care") is one organisation.
func agents(s string) any {
	parts := strings.FieldsFunc(strings.ReplaceAll(strings.ReplaceAll(s, " and ", ","), "&", ","),
		func(r rune) bool { return r == ',' || r == ';' })
	var people []thing
	for _, p := range parts {
		p = strings.TrimSpace(p)
		if p == "" || strings.EqualFold(strings.TrimSuffix(p, "."), "et al") {
			continue
		}
		if !personName.MatchString(p) {
			return thing{"@type": "Organization", "name": s}
		}
		i := strings.LastIndexByte(p, ' ')
		people = append(people, thing{"@type": "Person", "name": p, "familyName": p[:i], "givenName": p[i+1:]})
	}
	if len(people) == 0 {
		return thing{"@type": "Organization", "name": s}
	}
	return people
}
