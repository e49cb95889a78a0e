using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using WorkProgramme.Application.Features.Sessions;
using WorkProgramme.Application.Identity;
using WorkProgramme.Domain.Sessions;
using WorkProgramme.Testing;

namespace WorkProgramme.Web.Tests.Pages;

/// <summary>
/// Links are built from the pages' and endpoints' routes (decision 0020): none is written by hand in the Web project,
/// and every link the pages show leads somewhere, for a reader and for an editor, in both languages.
/// </summary>
public sealed partial class LinkFacts(LinkFacts.RoundOpen app) : IClassFixture<LinkFacts.RoundOpen>
{
    /// <summary>The app with a reporting round open, so that the round, report and decision pages are linked too.</summary>
    public sealed class RoundOpen : IAsyncLifetime
    {
        public const string Session = "ctp-259-260";

        public WebAppFactory App { get; } = new();

        public async Task InitializeAsync()
        {
            await ((IAsyncLifetime)App).InitializeAsync();
            var admin = await App.SignedInClientAsync(Roles.Admin);
            await App.Database.RunAsync<AddSession.Handler, string>(h =>
                h.HandleAsync(new AddSession.Command(Viewer.Operator, "CTP", [259, 260], 2031, 10, Season.Autumn), CancellationToken.None));
            var rounds = $"/programmes/{SeedFile.PtcSlug}/rounds";
            var opened = await admin.PostFormAsync(rounds, rounds, new Dictionary<string, string> { ["session"] = Session });
            Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        }

        public Task DisposeAsync() => ((IAsyncLifetime)App).DisposeAsync();
    }

    [Theory]
    [InlineData(null, "fr")]
    [InlineData(null, "en")]
    [InlineData(Roles.Editor, "fr")]
    [InlineData(Roles.Editor, "en")]
    [InlineData(Roles.Admin, "en")]
    public async Task Every_link_on_the_pages_leads_to_an_address_that_answers(string? role, string language)
    {
        var client = role is null ? app.App.ClientIn(language)
            : await app.App.SignedInClientAsync(role, role == Roles.Editor ? "CTP" : null, language);

        var crawl = await Crawler.CrawlAsync(client, () => app.App.ClientIn(null), "/", pathBase: "");

        Assert.True(crawl.Problems.Length == 0, $"Links that lead nowhere ({role ?? "anonymous"}, {language}):{crawl.Problems}");
        Assert.True(crawl.Pages > 15, $"Only {crawl.Pages} pages were reached: the crawl did not find the site's links.");
    }

    [Fact]
    public async Task The_sources_of_the_web_project_write_no_address_of_the_app_by_hand()
    {
        var found = new StringBuilder();
        var web = Path.Combine(Repository.Root, "src", "WorkProgramme.Web");
        var files = Directory.EnumerateFiles(web, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();

        foreach (var file in files)
        {
            var relative = Path.GetRelativePath(web, file).Replace(Path.DirectorySeparatorChar, '/');
            var lines = await File.ReadAllLinesAsync(file);
            for (var i = 0; i < lines.Length; i++)
            {
                if (HandWritten.IsHandWrittenAddress(relative, lines[i]))
                {
                    found.Append('\n').Append($"{relative}:{i + 1}: {lines[i].Trim()}");
                }
            }
        }

        Assert.True(files.Count > 50, $"Only {files.Count} source files found under {web}.");
        Assert.True(found.Length == 0, "Build these links from the routes (asp-page, Url.Page, RedirectToPage, LinkGenerator):" + found);
    }

    [Theory]
    [InlineData("Pages/Index.cshtml", """<a href="/programmes/@p.Slug">""")]
    [InlineData("Pages/Shared/_Layout.cshtml", """<form method="post" action="/account/sign-out">""")]
    [InlineData("Pages/Rounds/Round.cshtml.cs", """return Redirect($"/programmes/{slug}/rounds/{session}");""")]
    [InlineData("Api/InsightEndpoints.cs", """var url = $"{baseUrl}/programmes/{slug}/activities/{id}";""")]
    [InlineData("Pages/Account/SignOut.cshtml.cs", """return LocalRedirect("/");""")]
    [InlineData("Infrastructure/Authentication.cs", """options.LoginPath = "/account/sign-in";""")]
    public void The_scan_finds_an_address_written_by_hand(string file, string line) =>
        Assert.True(HandWritten.IsHandWrittenAddress(file, line));

    [Theory]
    [InlineData("Pages/Programmes/Show.cshtml", """@page "/programmes/{slug}" """)]
    [InlineData("Api/DocumentEndpoints.cs", """var documents = endpoints.MapGroup("/programmes/{slug}").AllowAnonymous();""")]
    [InlineData("Pages/Shared/_Layout.cshtml", """<link rel="stylesheet" href="~/css/site.css" asp-append-version="true" />""")]
    [InlineData("Api/DocumentEndpoints.cs", """/// GET /programmes/{slug}/export.docx and .pdf: the official annex""")]
    [InlineData("Pages/Programmes/Activity.cshtml", """MilestoneKind.Session => $"{m.SessionBody} {string.Join("/", m.Ordinals)}",""")]
    [InlineData("Infrastructure/ErrorHandling.cs", """if (exception is not DomainException domain || !httpContext.Request.Path.StartsWithSegments("/api"))""")]
    public void The_scan_lets_routes_static_files_and_comments_be(string file, string line) =>
        Assert.False(HandWritten.IsHandWrittenAddress(file, line));

    [Fact]
    public async Task Behind_a_path_base_every_link_keeps_it_and_leads_somewhere()
    {
        var behind = new WebAppFactory
        {
            ExtraServices = services => services.AddSingleton<IStartupFilter>(new PathBaseFilter("/wp")),
        };
        await ((IAsyncLifetime)behind).InitializeAsync();
        try
        {
            var (email, password) = await behind.UserAsync(Roles.Editor, "CTP");
            var editor = behind.ClientIn("en");
            var signedIn = await editor.PostFormAsync("/wp/account/sign-in", "/wp/account/sign-in",
                new Dictionary<string, string> { ["Email"] = email, ["Password"] = password });
            Assert.Equal(("/wp", HttpStatusCode.Redirect), (signedIn.Headers.Location?.OriginalString, signedIn.StatusCode));

            var crawl = await Crawler.CrawlAsync(editor, () => behind.ClientIn(null), "/wp/", pathBase: "/wp");
            var switched = await behind.ClientIn("en").GetAsync($"/wp/language?culture=fr&returnUrl=%2Fwp%2Fprogrammes%2F{SeedFile.PtcSlug}");
            var challenged = await behind.ClientIn("en").GetAsync($"/wp/programmes/{SeedFile.PtcSlug}/import");

            Assert.True(crawl.Problems.Length == 0, "Links behind the path base /wp:" + crawl.Problems);
            Assert.True(crawl.Pages > 15, $"Only {crawl.Pages} pages were reached behind the path base.");
            Assert.Equal($"/wp/programmes/{SeedFile.PtcSlug}", switched.Headers.Location!.OriginalString);
            Assert.StartsWith("http://localhost/wp/account/sign-in?ReturnUrl=%2Fwp%2Fprogrammes", challenged.Headers.Location!.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            await ((IAsyncLifetime)behind).DisposeAsync();
        }
    }

    /// <summary>What a reverse proxy publishing the app under a prefix would set up (<c>UsePathBase</c>).</summary>
    private sealed class PathBaseFilter(string pathBase) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.UsePathBase(pathBase);
            next(app);
        };
    }

    /// <summary>The rule the scan applies to one line of a source file of the Web project.</summary>
    private static class HandWritten
    {
        /// <summary>A literal path in a link attribute; <c>~/</c> (static files, the app's root) is fine.</summary>
        private static readonly Regex Attribute = new("""\b(?:href|action|formaction|src)\s*=\s*"/""", RegexOptions.IgnoreCase);

        /// <summary>A C# or Razor string that starts with an address of the app: "/programmes/…", $"/{…}".</summary>
        private static readonly Regex Literal = new("""(?<![\w~])\$?@?"/[a-z{]""");

        /// <summary>The app's root as a string, but not a separator (<c>string.Join("/", …)</c>).</summary>
        private static readonly Regex Root = new("""(?<![\w~])\$?@?"/"(?!\s*,)""");

        /// <summary>An address of a programme's pages built inside a longer string: $"{baseUrl}/programmes/…".</summary>
        private static readonly Regex Programmes = new("""/programmes/""");

        /// <summary>Where a route is written, once: a page's directive and the endpoints' Map calls.</summary>
        private static readonly Regex Route = new("""^\s*@page\s|\.Map(?:Get|Post|Put|Delete|Patch|Methods|Group|HealthChecks)?\(\s*"/""");

        private static readonly Regex Comment = new("""^\s*(?://|@\*|\*)""");

        /// <summary>
        /// Request paths tested before or beside routing, not links: the API's prefix (every /api group answers with a
        /// status instead of a page). A renamed page cannot leave one of these dead.
        /// </summary>
        private static readonly (string File, string Snippet)[] Allowed =
        [
            ("Infrastructure/Authentication.cs", """Path.StartsWithSegments("/api")"""),
            ("Infrastructure/Hardening.cs", """Path.StartsWithSegments("/api")"""),
            ("Infrastructure/ErrorHandling.cs", """Path.StartsWithSegments("/api")"""),
            ("Infrastructure/ProgrammeBodyAuthorization.cs", """Path.StartsWithSegments("/api")"""),
        ];

        public static bool IsHandWrittenAddress(string file, string line)
        {
            if (Comment.IsMatch(line) || Route.IsMatch(line) || Allowed.Any(a => a.File == file && line.Contains(a.Snippet, StringComparison.Ordinal)))
            {
                return false;
            }

            return Attribute.IsMatch(line) || Literal.IsMatch(line) || Root.IsMatch(line) || Programmes.IsMatch(line);
        }
    }

    /// <summary>
    /// Follows the links of the site's pages from a start page: every link to the app (a, link, script, and where a
    /// redirect leads) must answer without 404 or an error. Pages of one shape (the same path once ids are folded, the
    /// same query names) are visited twice at most, downloads once, so that the crawl stays short.
    /// </summary>
    private static partial class Crawler
    {
        public sealed record Result(int Pages, string Problems);

        [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")]
        private static partial Regex Id();

        private static readonly string[] Downloads = [".docx", ".pdf", ".xlsx", ".ics"];

        public static async Task<Result> CrawlAsync(HttpClient client, Func<HttpClient> cookieless, string start, string pathBase)
        {
            var origin = new Uri("http://localhost");
            var problems = new StringBuilder();
            var queue = new Queue<(string Url, string From)>([(start, "(start)")]);
            var seen = new HashSet<string>(StringComparer.Ordinal) { start };
            var shapes = new Dictionary<string, int>(StringComparer.Ordinal);
            var pages = 0;
            while (queue.TryDequeue(out var next))
            {
                var (url, from) = next;
                var path = url.Split('?', '#')[0];
                var isDownload = Downloads.Any(d => path.EndsWith(d, StringComparison.Ordinal)) || url.Contains("handler=download", StringComparison.Ordinal);
                var shape = Id().Replace(path, "{id}") + (isDownload ? "" : "?" + string.Join("&", QueryNames(url)));
                var visits = shapes.GetValueOrDefault(shape);
                if (visits >= (isDownload ? 1 : 2))
                {
                    continue;
                }

                shapes[shape] = visits + 1;

                // The language switch sets a cookie: asked without the crawl's cookies, it must send back to a page.
                var isSwitch = path == pathBase + "/language";
                using var response = isSwitch
                    ? await cookieless().GetAsync(url)
                    : await client.GetAsync(url);
                var status = (int)response.StatusCode;
                if (status >= 400)
                {
                    problems.Append('\n').Append($"{url} answers {status} (linked from {from})");
                    continue;
                }

                if (isSwitch)
                {
                    continue;
                }

                if (status is >= 300 and < 400 && response.Headers.Location is { } location)
                {
                    Enqueue(location.IsAbsoluteUri ? location : new Uri(new Uri(origin, url), location), url);
                    continue;
                }

                if (response.Content.Headers.ContentType?.MediaType != "text/html")
                {
                    continue;
                }

                pages++;
                var document = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
                foreach (var element in document.QuerySelectorAll("a[href], link[href], script[src]"))
                {
                    var target = element.GetAttribute("href") ?? element.GetAttribute("src")!;
                    if (target.StartsWith('#') || target.StartsWith("mailto:", StringComparison.Ordinal))
                    {
                        continue;
                    }

                    Enqueue(new Uri(new Uri(origin, url), target), url);
                }
            }

            return new Result(pages, problems.ToString());

            void Enqueue(Uri target, string from)
            {
                if (target.Host != origin.Host)
                {
                    return;
                }

                var local = target.PathAndQuery;
                if (local != pathBase && !local.StartsWith(pathBase + "/", StringComparison.Ordinal))
                {
                    problems.Append('\n').Append($"{local} leaves the path base {pathBase} (linked from {from})");
                    return;
                }

                if (seen.Add(local))
                {
                    queue.Enqueue((local, from));
                }
            }
        }

        private static IEnumerable<string> QueryNames(string url) =>
            url.Contains('?', StringComparison.Ordinal)
                ? url.Split('?', 2)[1].Split('#')[0].Split('&').Select(pair => pair.Split('=')[0]).Order(StringComparer.Ordinal)
                : [];
    }
}
