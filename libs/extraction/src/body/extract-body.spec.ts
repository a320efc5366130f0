import { extractArticle } from '../extract-article';
import { newsPage, STORY } from '../testing/synthetic-page';

const URL = 'https://www.example.com/news/2021/03/12/ferry';
const body = (html: string): string => extractArticle(html, URL).bodyText;

describe('article body', () => {
  it('keeps the story and drops navigation, cookie banner, sidebar and footer', () => {
    const text = body(newsPage());
    for (const paragraph of STORY) expect(text).toContain(paragraph);
    expect(text).not.toMatch(/cookies|Most read|All rights reserved|Culture/);
    // One block per line, the headline left out (it is the title).
    expect(text.split('\n')).toEqual(STORY);
  });

  it('keeps subheadings, lists, quotes and tables inside the story', () => {
    const text = body(
      newsPage({
        inside:
          '<h2>What changes for riders</h2><ul><li>Two night crossings on weekdays</li><li>A weekend route to the islands</li></ul>' +
          '<blockquote><p>We have waited for this for years, said a commuter from the outer islands.</p></blockquote>' +
          '<table><tr><th>Route</th><th>Departures</th></tr><tr><td>Harbour to islands</td><td>Hourly</td></tr></table>',
      }),
    );
    expect(text).toContain('What changes for riders');
    expect(text).toContain('Two night crossings on weekdays\nA weekend route to the islands');
    expect(text).toContain('We have waited for this for years');
    expect(text).toContain('Harbour to islands');
  });

  it('drops share bars, newsletter boxes, ad labels and comment sections inside the article', () => {
    const text = body(
      newsPage({
        inside:
          '<div class="share-tools"><a href="#">Share on Facebook</a><a href="#">Tweet</a></div>' +
          '<div class="newsletter-signup"><p>Get the morning briefing in your inbox every day. Sign up now, it is free.</p></div>' +
          '<div class="ad-slot"><span>Advertisement</span></div>' +
          '<section id="comments"><h3>3 comments</h3><p>I ride this ferry every day and it is always late, fix that first before adding routes.</p></section>',
      }),
    );
    expect(text).not.toMatch(/Share on Facebook|morning briefing|Advertisement|ferry every day/);
    expect(text).toContain(STORY[3]);
  });

  it('drops a titled membership box whose prose ends in a call to action, whatever its class names', () => {
    const text = body(
      newsPage({
        inside:
          '<div class="box-7"><h2>Good reporting needs you</h2>' +
          '<p>For ninety years we have covered the harbour and its islands. Local news matters more than ever.<br><br>' +
          '<strong>Become a member and enjoy exclusive benefits</strong></p>' +
          '<a class="btn" href="https://join.example.com/">Join now</a></div>',
      }),
    );
    expect(text).not.toMatch(/Good reporting|ninety years|Become a member|Join now/);
    expect(text.split('\n')).toEqual(STORY);
  });

  it('keeps a subheaded section of the story that closes with a sign-up line', () => {
    const text = body(
      newsPage({
        paragraphs: [STORY[0]],
        inside:
          `<section><h2>What riders can do</h2><p>${STORY[1]}</p><p>${STORY[2]}</p><p>${STORY[3]}</p>` +
          '<p><strong>Subscribe to the timetable alerts</strong></p></section>',
      }),
    );
    for (const paragraph of STORY) expect(text).toContain(paragraph);
    expect(text).toContain('What riders can do');
  });

  it('drops furniture lines set off by <br>s in loose text, from the text and the HTML', () => {
    const html = newsPage({
      inside:
        '<div><br><b>Warning</b>: Undefined variable $x in <b>/var/www/theme/single.php</b> on line <b>12</b><br>' +
        '<br><b>Want the week in one email?</b> Try our <a href="/newsletter/">harbour letter</a>!<br>' +
        'The ferry runs daily from the harbour steps.<br></div>',
    });
    const article = extractArticle(html, URL);
    expect(article.bodyText).not.toMatch(/Warning|Undefined variable|week in one email|harbour letter/);
    expect(article.bodyHtml).not.toMatch(/Warning|harbour letter/);
    expect(article.bodyText).toContain('The ferry runs daily from the harbour steps.');
    expect(article.bodyText).toContain(STORY[3]);
  });

  it('keeps <br>-separated lines of the story, and links on them that are not sign-up pages', () => {
    const text = body(
      newsPage({
        inside:
          '<p>Harbour ferry office<br>Pier 4, Old Town<br>Timetables at <a href="/ferry/timetable">the ferry page</a></p>' +
          '<div>Riders can write to the council.<br>Letters are read aloud at each of its <a href="/council/letters">meetings</a>.</div>',
      }),
    );
    expect(text).toContain('Harbour ferry office\nPier 4, Old Town\nTimetables at the ferry page');
    expect(text).toContain('Riders can write to the council.\nLetters are read aloud at each of its meetings.');
  });

  it('drops a run of related-story links and its lead-in line', () => {
    const related = [
      'Storm closes the coastal road for a second night',
      'New bakery opens in the old station building',
      'School board approves the new sports hall',
    ];
    const text = body(
      newsPage({
        inside: `<p>You may also like...</p>${related.map((r, i) => `<p><a href="/news/2021/03/0${i + 1}/story">${r}</a></p>`).join('')}`,
      }),
    );
    for (const r of related) expect(text).not.toContain(r);
    expect(text).not.toContain('You may also like');
  });

  it('keeps short calls to action that link elsewhere, which belong to the story', () => {
    const text = body(
      newsPage({
        inside:
          '<ul><li><a href="https://shop.example.org/ferry-pass">Buy a pass</a></li><li><a href="https://maps.example.org/route">See the route</a></li></ul><p>' +
          STORY[0] +
          '</p>',
      }),
    );
    expect(text).toContain('Buy a pass');
  });

  it('drops "Read more:" lines, shouted headline links and byline/date lines', () => {
    const text = body(
      newsPage({
        intro: '<div class="meta"><p>By Jane Doe</p><p>Published March 12, 2021 9:41 AM</p></div>',
        inside:
          '<p>READ MORE: <a href="/news/other">Ferry operator reports record passenger numbers</a></p><p><a href="/news/x">STORM CLOSES THE COASTAL ROAD AGAIN</a></p>',
      }),
    );
    expect(text).not.toMatch(/Jane Doe|Published March|READ MORE|STORM CLOSES/);
  });

  it('drops link-heavy hover cards nested inside a sentence', () => {
    const card =
      '<span class="card"><a href="/p/1">Jane Doe</a> <a href="/a/1">Earlier story about the harbour budget overrun</a> <a href="/a/2">Another story about the island school</a></span>';
    const text = body(
      newsPage({
        paragraphs: [
          `The proposal came from councillor <a href="/p/1">Jane Doe</a>${card}, who chairs the transport committee and has pushed for the change since last year.`,
          ...STORY,
        ],
      }),
    );
    expect(text).toContain('The proposal came from councillor Jane Doe, who chairs');
    expect(text).not.toContain('island school');
  });

  it('keeps captions in the HTML but not in the plain text', () => {
    const article = extractArticle(
      newsPage({
        inside: '<figure><img src="/img/ferry.jpg" alt="The ferry"><figcaption>The ferry leaves the harbour at dawn.</figcaption></figure>',
      }),
      URL,
    );
    expect(article.bodyHtml).toContain('<figcaption>The ferry leaves the harbour at dawn.</figcaption>');
    expect(article.bodyHtml).toContain('<img src="https://www.example.com/img/ferry.jpg" alt="The ferry">');
    expect(article.bodyText).not.toContain('The ferry leaves the harbour');
  });

  it('adds the standfirst that sits in the article header next to the headline', () => {
    const standfirst = 'Two night crossings and a weekend route are coming after a year of complaints from island commuters.';
    const article = extractArticle(
      newsPage({
        head: `<meta name="description" content="${standfirst}">`,
        intro: `<header><p class="byline">By Jane Doe</p><p>${standfirst}</p></header>`,
      }),
      URL,
    );
    expect(article.bodyText.split('\n')[0]).toBe(standfirst);
    expect(article.bodyText).not.toContain('Jane Doe');
  });

  it('picks the story of the headline when the page stacks several full stories', () => {
    const other =
      'A different story about the school board, which met on Monday to approve a new sports hall, a larger library and a cafeteria renovation.';
    const html = `<html><head><title>Council expands harbour ferry service</title></head><body>
      <article><h1>Council expands harbour ferry service</h1>${STORY.slice(0, 3)
        .map((p) => `<p>${p}</p>`)
        .join('')}</article>
      <article><h2>School board approves sports hall</h2>${[other, other, other, other, other].map((p) => `<p>${p}</p>`).join('')}</article></body></html>`;
    const text = body(html);
    expect(text).toContain(STORY[0]);
    expect(text).not.toContain('school board');
  });

  it('keeps prose in page-builder blocks whose class names sound like widgets', () => {
    const html = `<html><head><title>Ferry</title></head><body><div class="builder-widget widget-text"><div class="widget-container">${STORY.map((p) => `<p>${p}</p>`).join('')}</div></div></body></html>`;
    expect(body(html)).toContain(STORY[2]);
  });

  it('sanitizes the HTML: no scripts, handlers, styles, unsafe links, pixels or foreign iframes', () => {
    const article = extractArticle(
      newsPage({
        inside:
          '<p onclick="steal()" style="color:red">Riders can <a href="javascript:alert(1)">apply</a> or <a href="/apply" onmouseover="x()">apply here</a>.</p>' +
          '<img src="https://tracker.example.net/pixel.gif" width="1" height="1"><script>alert(1)</script>' +
          '<iframe src="https://www.youtube.com/embed/abc"></iframe><iframe src="https://ads.example.net/frame"></iframe>',
      }),
      URL,
    );
    const html = article.bodyHtml;
    expect(html).not.toMatch(/onclick|onmouseover|style=|javascript:|<script|pixel\.gif|ads\.example/);
    expect(html).toContain('<a href="https://www.example.com/apply">apply here</a>');
    expect(html).toContain('<iframe src="https://www.youtube.com/embed/abc" allowfullscreen></iframe>');
  });

  it('drops a dateline <time> standing on its own line', () => {
    const text = body(newsPage({ inside: '<time datetime="2020-04-03T10:35:41Z">Publiziert: 03.04.2020, 12:35</time>' }));
    expect(text).not.toContain('03.04.2020');
  });

  it('keeps code blocks even in short wrappers', () => {
    const text = body(newsPage({ inside: '<p>Install it with pip:</p><div class="highlight"><pre>pip install ferry</pre></div>' }));
    expect(text).toContain('pip install ferry');
  });

  it('keeps a long paragraph in a row of photos', () => {
    const row = `<div class="row"><img src="/a.jpg"><img src="/b.jpg"><img src="/c.jpg"><p>${STORY[2]} ${STORY[3]}</p></div>`;
    expect(body(newsPage({ paragraphs: STORY.slice(0, 2), inside: row }))).toContain(STORY[3]);
  });

  it('gathers a story that a page builder split over cousin blocks', () => {
    const block = (p: string): string =>
      `<div class="builder-row"><div class="builder-col"><div class="text-block"><p>${p}</p></div></div></div>`;
    const html = `<html><head><title>Ferry</title></head><body><nav><a href="/">Home</a></nav><div class="builder">${STORY.map(block).join('')}</div></body></html>`;
    const text = body(html);
    for (const paragraph of STORY) expect(text).toContain(paragraph);
  });

  it('never returns an empty body for a short article whose paragraphs are in plain divs', () => {
    const html = `<html><head><title>Short note</title></head><body><div class="post"><div>${STORY[0]}</div><div>${STORY[1]}</div></div></body></html>`;
    expect(body(html)).toContain(STORY[1]);
  });
});
