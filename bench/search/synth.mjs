// synth writes a synthetic hub of n briefs into dir: the repository's own
// site.yaml, layouts' content (functions, priorities, glossary, pages and
// its 44 briefs), plus generated briefs made from the real ones, each with
// a new title, paragraphs from three real briefs and a few made-up words,
// so that the vocabulary grows with the site as real text does. A
// deterministic generator: the same n gives the same site.
import { readFile, writeFile, mkdir, cp, readdir } from "node:fs/promises";
import { join } from "node:path";

export async function synth(repo, dir, n) {
  await mkdir(dir, { recursive: true });
  await cp(join(repo, "site.yaml"), join(dir, "site.yaml"));
  await cp(join(repo, "content"), join(dir, "content"), { recursive: true });
  await cp(join(repo, "layouts"), join(dir, "layouts"), { recursive: true });
  const folder = join(dir, "content", "briefs");
  const names = (await readdir(folder)).filter((f) => f.endsWith(".md")).sort();
  const briefs = [];
  for (const f of names) {
    const src = await readFile(join(folder, f), "utf8");
    const end = src.indexOf("\n---", 4);
    briefs.push({ fm: src.slice(4, end), paras: src.slice(end + 4).split(/\n\n+/).filter((p) => p.trim() && !p.startsWith("#")) });
  }
  let seed = 42;
  const rand = (k) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % k; };
  const syl = ["ka", "lo", "mi", "ren", "tor", "va", "shu", "pel", "dri", "no", "qua", "zen", "bar", "tis", "um"];
  const word = () => Array.from({ length: 2 + rand(3) }, () => syl[rand(syl.length)]).join("");
  for (let i = briefs.length; i < n; i++) {
    const b = briefs[i % briefs.length];
    const fm = b.fm.replace(/^title:.*$/m, `title: ${JSON.stringify(`Synthetic brief ${i} on ${word()} and ${word()}`)}`);
    const paras = [0, 1, 2].map(() => { const o = briefs[rand(briefs.length)]; return o.paras[rand(o.paras.length)] || ""; });
    const extra = Array.from({ length: 12 }, word).join(" ");
    await writeFile(join(folder, `synthetic-${String(i).padStart(5, "0")}.md`),
      `---\n${fm}\n---\n## About ${word()}\n\n${paras.join("\n\n")}\n\nWords of this brief: ${extra}.\n`);
  }
}
