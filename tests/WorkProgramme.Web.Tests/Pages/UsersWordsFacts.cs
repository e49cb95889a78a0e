using WorkProgramme.Application.Features.Audit;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WorkProgramme.Application.Data;
using WorkProgramme.Application.Features.Interchange;
using WorkProgramme.Application.Features.Sessions;
using WorkProgramme.Application.Identity;
using WorkProgramme.Domain.Sessions;
using WorkProgramme.Testing;

namespace WorkProgramme.Web.Tests.Pages;

/// <summary>
/// Every page speaks the user's words (issue 17): no session key, programme slug, enum or field identifier, JSON or
/// "(s)" plural in the visible text, for every role, in both languages. The pages come from the app's own routes, so a
/// new page is visited without touching this test.
/// </summary>
public sealed partial class UsersWordsFacts(UsersWordsFacts.WithHistory app) : IClassFixture<UsersWordsFacts.WithHistory>
{
    /// <summary>The seeded PTC programme with a round open, a status report written and an activity edited: a history to read.</summary>
    public sealed class WithHistory : IAsyncLifetime
    {
        public const string Session = "ctp-259-260";

        public WebAppFactory App { get; } = new();

        public Guid Activity { get; private set; }

        public async Task InitializeAsync()
        {
            await ((IAsyncLifetime)App).InitializeAsync();
            var admin = await App.SignedInClientAsync(Roles.Admin);
            await App.Database.RunAsync<AddSession.Handler, string>(h =>
                h.HandleAsync(new AddSession.Command(Viewer.Operator, "CTP", [259, 260], 2031, 10, Season.Autumn), CancellationToken.None));
            var rounds = $"/programmes/{SeedFile.PtcSlug}/rounds";
            var opened = await admin.PostFormAsync(rounds, rounds, new Dictionary<string, string> { ["session"] = Session });
            Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);

            var script = await App.ApiClientAsync(Roles.Editor, "CTP");
            var file = await App.ClientIn(null).GetFromJsonAsync<ProgrammeFile>("/api/programmes/" + SeedFile.PtcSlug, ProgrammeJson.Options);
            var activity = file!.Activities.First(a => a.Section == "time-bound" && a.Number == 3);
            Activity = activity.Id!.Value;

            var url = $"/api/programmes/{SeedFile.PtcSlug}/activities/{Activity}";
            var etag = (await App.ClientIn(null).GetAsync(url)).Headers.ETag!.ToString();
            var edited = activity with
            {
                Priority = activity.Priority == "A" ? "B" : "A",
                TaskType = activity.TaskType == "development" ? "updating" : "development",
                Title = new TextPair(activity.Title?.Fr + " Une phrase de plus pour l’historique.", activity.Title?.En + " One more sentence for the history."),
                Deadline = (activity.Deadline ?? new DeadlineDto()) with
                {
                    Milestones = [new MilestoneDto { Kind = "month", Year = 2031, Month = 10, Bodies = ["CTP"] }],
                },
            };
            Assert.Equal(HttpStatusCode.OK, (await SendAsync(script, HttpMethod.Put, url, edited, etag)).StatusCode);

            var report = $"/api/programmes/{SeedFile.PtcSlug}/sessions/{Session}/status-reports/{Activity}";
            var reportTag = (await script.GetAsync(report)).Headers.ETag!.ToString();
            var status = new StatusDto
            {
                Keyword = "not-started",
                Text = new TextPair("Le projet a été présenté au Comité, qui a demandé une nouvelle version.", "The draft was presented to the Committee, which asked for a new version."),
                NextSteps = new TextPair("Présenter la nouvelle version.", "Present the new version."),
                MilestonesReached = [new ReachedMilestoneDto(new DateOnly(2031, 4, 12), new TextPair("Projet présenté", "Draft presented"))],
            };
            Assert.Equal(HttpStatusCode.OK, (await SendAsync(script, HttpMethod.Put, report, status, reportTag)).StatusCode);
        }

        private static Task<HttpResponseMessage> SendAsync<T>(HttpClient client, HttpMethod method, string url, T body, string etag)
        {
            var request = new HttpRequestMessage(method, url) { Content = JsonContent.Create(body, options: ProgrammeJson.Options) };
            request.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(etag));
            return client.SendAsync(request);
        }

        public Task DisposeAsync() => ((IAsyncLifetime)App).DisposeAsync();
    }

    [Theory]
    [InlineData(null, "fr")]
    [InlineData(null, "en")]
    [InlineData(Roles.Member, "fr")]
    [InlineData(Roles.Member, "en")]
    [InlineData(Roles.Editor, "fr")]
    [InlineData(Roles.Editor, "en")]
    [InlineData(Roles.Admin, "fr")]
    [InlineData(Roles.Admin, "en")]
    public async Task Every_page_shows_the_users_words_and_never_the_developers(string? role, string language)
    {
        var client = role is null ? app.App.ClientIn(language)
            : await app.App.SignedInClientAsync(role, role == Roles.Admin ? null : "CTP", language);
        var words = await ForbiddenWords.ReadAsync(app.App);

        var starts = await PageAddressesAsync();
        var crawl = await CrawlAsync(client, starts, words);

        Assert.True(crawl.Problems.Length == 0, $"Developers' words on the pages ({role ?? "anonymous"}, {language}):{crawl.Problems}");
        Assert.True(crawl.Pages >= 15, $"Only {crawl.Pages} pages were read.");
    }

    [Theory]
    [InlineData("Rapport ctp-243-244 publié")]
    [InlineData("Programme ptc-2022-2025")]
    [InlineData("NotUpdated→Updated")]
    [InlineData("Narrative.Fr")]
    [InlineData("ReviewedBy")]
    [InlineData("""[{"Date":"2024-01-01"}]""")]
    [InlineData("73 activité(s)")]
    [InlineData("Activité 3f2504e0-4f89-11d3-9a0c-0305e82c3301")]
    [InlineData("7 décembre 2026 wp (operator) Rapport de situation")]
    [InlineData("7 décembre 2026 anonymous Activité")]
    public async Task The_check_finds_each_kind_of_developers_word(string text)
    {
        var words = await ForbiddenWords.ReadAsync(app.App);

        Assert.NotEmpty(words.Find(text));
    }

    [Theory]
    [InlineData("243e/244e sessions du CTP (avril 2024)")]
    [InlineData("1 activity changed; 73 activities")]
    [InlineData("Status report — Narrative (English)")]
    public async Task The_check_lets_the_users_words_be(string text)
    {
        var words = await ForbiddenWords.ReadAsync(app.App);

        Assert.Empty(words.Find(text));
    }

    [Theory]
    [InlineData(0, "fr", true)]
    [InlineData(1, "fr", true)]
    [InlineData(2, "fr", false)]
    [InlineData(0, "en", false)]
    [InlineData(1, "en", true)]
    [InlineData(2, "en", false)]
    public void French_is_singular_for_zero_and_one_and_english_for_one_only(int count, string language, bool singular)
    {
        Assert.True(WorkProgramme.Domain.Common.Languages.TryParse(language, out var parsed));

        Assert.Equal(singular, WorkProgramme.Web.Infrastructure.Plurals.IsOne(count, parsed));
    }

    /// <summary>Every page route of the app, its parameters filled from the seeded PTC programme and the open round.</summary>
    private async Task<IReadOnlyList<string>> PageAddressesAsync()
    {
        var sources = app.App.Services.GetServices<EndpointDataSource>();
        var routes = sources.SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null)
            .Select(e => e.RoutePattern)
            .DistinctBy(p => p.RawText)
            .ToList();
        Assert.True(routes.Count >= 20, $"Only {routes.Count} page routes were found.");

        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["slug"] = SeedFile.PtcSlug,
            ["session"] = WithHistory.Session,
            ["id"] = app.Activity.ToString(),
            ["activityId"] = app.Activity.ToString(),
            ["period"] = "2022-2025",
        };
        var addresses = new List<string>();
        foreach (var route in routes)
        {
            var path = new StringBuilder();
            foreach (var segment in route.PathSegments)
            {
                path.Append('/');
                foreach (var part in segment.Parts)
                {
                    path.Append(part switch
                    {
                        Microsoft.AspNetCore.Routing.Patterns.RoutePatternLiteralPart literal => literal.Content,
                        Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart parameter => values.TryGetValue(parameter.Name, out var value)
                            ? value
                            : throw new InvalidOperationException($"The route {route.RawText} needs a value for {{{parameter.Name}}}: add one to this test."),
                        Microsoft.AspNetCore.Routing.Patterns.RoutePatternSeparatorPart separator => separator.Content,
                        _ => "",
                    });
                }
            }

            addresses.Add(path.Length == 0 ? "/" : path.ToString());
        }

        // The changes of the session the seeded report was written for, and the digest of that session.
        addresses.Add($"/programmes/{SeedFile.PtcSlug}/sessions/ctp-243-244/changes");
        return addresses.Distinct(StringComparer.Ordinal).ToList();
    }

    private sealed record Crawl(int Pages, string Problems);

    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")]
    private static partial Regex Id();

    private static readonly string[] Downloads = [".docx", ".pdf", ".xlsx", ".json", ".csv"];

    /// <summary>Reads the start pages and every page they link to (pages of one shape twice at most).</summary>
    private static async Task<Crawl> CrawlAsync(HttpClient client, IEnumerable<string> starts, ForbiddenWords words)
    {
        var origin = new Uri("http://localhost");
        var problems = new StringBuilder();
        var reported = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<string>(starts);
        var seen = new HashSet<string>(queue, StringComparer.Ordinal);
        var shapes = new Dictionary<string, int>(StringComparer.Ordinal);
        var pages = 0;
        while (queue.TryDequeue(out var url))
        {
            var path = url.Split('?', '#')[0];
            if (Downloads.Any(d => path.EndsWith(d, StringComparison.Ordinal)) || path.StartsWith("/api/", StringComparison.Ordinal)
                || path is "/language" or "/account/sign-out" || url.Contains("handler=download", StringComparison.Ordinal))
            {
                continue;
            }

            var shape = Id().Replace(path, "{id}") + "?" + string.Join("&", QueryNames(url));
            var visits = shapes.GetValueOrDefault(shape);
            if (visits >= 2)
            {
                continue;
            }

            shapes[shape] = visits + 1;
            using var response = await client.GetAsync(url);
            if (response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found && response.Headers.Location is { } location)
            {
                Enqueue(location.IsAbsoluteUri ? location : new Uri(new Uri(origin, url), location));
                continue;
            }

            var media = response.Content.Headers.ContentType?.MediaType;
            if (media == "text/calendar")
            {
                var calendar = await response.Content.ReadAsStringAsync();
                var shown = string.Join('\n', calendar.Split('\n').Where(l => l.StartsWith("SUMMARY", StringComparison.Ordinal) || l.StartsWith("DESCRIPTION", StringComparison.Ordinal)));
                Report(url, "calendar", words.Find(shown));
                continue;
            }

            if (!response.IsSuccessStatusCode || media != "text/html")
            {
                continue;
            }

            pages++;
            var document = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
            foreach (var (where, text) in VisibleTexts(document))
            {
                Report(url, where, words.Find(text));
            }

            foreach (var element in document.QuerySelectorAll("a[href]"))
            {
                var target = element.GetAttribute("href")!;
                if (!target.StartsWith('#') && !target.StartsWith("mailto:", StringComparison.Ordinal))
                {
                    Enqueue(new Uri(new Uri(origin, url), target));
                }
            }
        }

        return new Crawl(pages, problems.ToString());

        void Report(string url, string where, IReadOnlyList<string> found)
        {
            foreach (var word in found)
            {
                var line = $"{url} — {where}: {word}";
                if (reported.Add(line))
                {
                    problems.Append('\n').Append(line);
                }
            }
        }

        void Enqueue(Uri target)
        {
            if (target.Host == origin.Host && seen.Add(target.PathAndQuery))
            {
                queue.Enqueue(target.PathAndQuery);
            }
        }
    }

    /// <summary>
    /// The text a reader sees, element by element: text nodes outside scripts and styles, and the title. A text the
    /// users wrote themselves (shown through <c>Display.Text</c>, class <c>text</c>) is theirs, whatever it says.
    /// </summary>
    private static IEnumerable<(string Where, string Text)> VisibleTexts(AngleSharp.Html.Dom.IHtmlDocument document)
    {
        yield return ("title", document.Title ?? "");
        foreach (var node in document.Body!.Descendants().OfType<IText>())
        {
            var parent = node.ParentElement;
            if (parent is null || string.IsNullOrWhiteSpace(node.Data)
                || parent.Closest("script, style, template, .text, textarea") is not null)
            {
                continue;
            }

            var where = parent.Closest("[id]") is { } anchored ? $"#{anchored.Id} {parent.LocalName}" : parent.LocalName;
            yield return (where, node.Data);
        }
    }

    private static IEnumerable<string> QueryNames(string url) =>
        url.Contains('?', StringComparison.Ordinal)
            ? url.Split('?', 2)[1].Split('#')[0].Split('&').Select(pair => pair.Split('=')[0]).Order(StringComparer.Ordinal)
            : [];

    /// <summary>The developers' words: keys and slugs from the database, identifiers from the domain's types.</summary>
    private sealed partial class ForbiddenWords(IReadOnlyCollection<string> keys, Regex keyLike, IReadOnlySet<string> identifiers)
    {
        [GeneratedRegex("""\b[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]+)+(?:\.[A-Z][A-Za-z0-9]+)*\b|\b[A-Z][a-z0-9]+\.(?:Fr|En)\b""")]
        private static partial Regex Identifier();

        [GeneratedRegex("""\w\((?:s|es|x)\)""")]
        private static partial Regex Parenthesised();

        public static async Task<ForbiddenWords> ReadAsync(WebAppFactory app)
        {
            _ = app.Services;
            var keys = await app.Database.RunAsync<WorkProgrammeDb, List<string>>(async db =>
                (await db.Sessions.Select(s => s.Key).ToListAsync())
                    .Concat(await db.Programmes.Select(p => p.Slug).ToListAsync())
                    .ToList());
            var bodies = await app.Database.RunAsync<WorkProgrammeDb, List<string>>(db => db.Bodies.Select(b => b.Code).ToListAsync());

            // A key of a session not in the database yet looks like one: the body's code and numbers ("ctp-261-262").
            var keyLike = new Regex($@"(?<![\w-])(?:{string.Join("|", bodies.Select(b => Regex.Escape(b.ToLowerInvariant())))})(?:-\d+)+(?![\w-])");

            var identifiers = new HashSet<string>(StringComparer.Ordinal);
            var assemblies = new[] { typeof(Session).Assembly, typeof(WorkProgrammeDb).Assembly };
            foreach (var type in assemblies.SelectMany(a => a.GetTypes()).Where(t => t.Namespace?.StartsWith("WorkProgramme", StringComparison.Ordinal) == true))
            {
                identifiers.Add(type.Name);
                if (type.IsEnum)
                {
                    identifiers.UnionWith(Enum.GetNames(type));
                    continue;
                }

                identifiers.UnionWith(type.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly).Select(p => p.Name));
            }

            // Only names a reader would never write: several words run together (NotStarted), or a field and its part (Title.En).
            identifiers.RemoveWhere(i => !Identifier().IsMatch(i) || Identifier().Match(i).Value != i);
            identifiers.UnionWith(["UserRole", "StatusReport", "ProgrammeVersion", "PlanElement", "ApiToken"]);
            return new ForbiddenWords(keys, keyLike, identifiers);
        }

        public IReadOnlyList<string> Find(string text)
        {
            var found = new List<string>();
            found.AddRange(keys.Where(k => Regex.IsMatch(text, $@"(?<![\w-]){Regex.Escape(k)}(?![\w-])")).Select(k => $"key or slug “{k}”"));
            found.AddRange(keyLike.Matches(text).Select(m => m.Value).Where(v => !keys.Contains(v)).Select(v => $"key-like “{v}”"));
            found.AddRange(Identifier().Matches(text).Select(m => m.Value).Where(v => identifiers.Contains(v) || v.Contains('.'))
                .Select(v => $"identifier “{v}”"));
            found.AddRange(Id().Matches(text).Select(m => $"record id “{m.Value}”"));
            // The names the audit trail stores for the application's own changes, shown in words on every page.
            found.AddRange(new[] { AuditActors.Operator, AuditActors.Anonymous, AuditActors.SingleSignOnStart }
                .Where(name => text.Contains(name, StringComparison.Ordinal)).Select(name => $"stored actor “{name}”"));
            if (text.Contains("{\"", StringComparison.Ordinal) || text.Contains("[{", StringComparison.Ordinal))
            {
                found.Add("JSON");
            }

            found.AddRange(Parenthesised().Matches(text).Select(m => $"“(s)” plural in “{Around(text, m.Index)}”"));
            return found;
        }

        private static string Around(string text, int index)
        {
            var start = Math.Max(0, index - 30);
            return text.Substring(start, Math.Min(text.Length - start, 60)).ReplaceLineEndings(" ");
        }
    }
}
