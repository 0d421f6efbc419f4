package render

import "github.com/alongside-hub/alongside/internal/content"

// addHosting adds the files a web host reads rather than a reader:
//
//   - .nojekyll, so that GitHub Pages publishes the files as they are,
//     without running Jekyll over them (which would drop files whose
//     names start with "_");
//   - CNAME, holding site.yaml's custom_domain, when there is one, for a
//     GitHub Pages site on a domain of its own;
//   - robots.txt, naming the sitemap, only when the site is at the root of
//     its host. Crawlers read robots.txt only at a host's root, so under a
//     sub-path (https://owner.github.io/hub/) the file would do nothing:
//     it is left out, the host's own robots.txt applies, and the sitemap,
//     at /hub/sitemap.xml, can be given to search engines directly.
func addHosting(out *Output, cfg content.Config) {
	out.add(".nojekyll", nil, "")
	if cfg.CustomDomain != "" {
		out.add("CNAME", []byte(cfg.CustomDomain+"\n"), "")
	}
	if cfg.BasePath() == "/" {
		out.add("robots.txt", []byte("User-agent: *\nAllow: /\nSitemap: "+cfg.Abs("/sitemap.xml")+"\n"), "")
	}
}
