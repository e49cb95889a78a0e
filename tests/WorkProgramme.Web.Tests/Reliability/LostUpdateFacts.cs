using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using WorkProgramme.Application.Data;
using WorkProgramme.Application.Features.Interchange;
using WorkProgramme.Application.Features.Users;
using WorkProgramme.Application.Identity;
using WorkProgramme.Testing;
using Xunit.Abstractions;

namespace WorkProgramme.Web.Tests.Reliability;

/// <summary>
/// 8 editors × 50 edits through the API with their own tokens, at the same time, half on 5 shared activities and half
/// on one activity of their own. Every acknowledged save must sit on top of the previous one (its If-Match is the
/// ETag the previous save produced), be in the audit trail exactly once, and the last one must be the final state:
/// a save that overwrote another without having seen it would break the chain. Runs on PostgreSQL too
/// (WP_TEST_PROVIDER=postgres). Figures: docs/reliability.md.
/// </summary>
public sealed class LostUpdateFacts : IClassFixture<WebAppFactory>
{
    private readonly WebAppFactory app;
    private readonly ITestOutputHelper output;

    public LostUpdateFacts(WebAppFactory app, ITestOutputHelper output)
    {
        this.app = app;
        this.output = output;

        // 800 request lines on the console would cost more than the requests themselves.
        app.Settings["Logging:LogLevel:Default"] = "Warning";
    }

    private const int Editors = 8;
    private const int EditsPerEditor = 50;
    private const int SharedActivities = 5;

    private sealed record Attempt(int Editor, Guid Activity, string Marker, int BaseVersion, HttpStatusCode Status, int? NewVersion);

    private async Task<HttpClient> ScriptAsync(int editor)
    {
        var (email, _) = await app.UserAsync(Roles.Editor, "CTP");
        var secret = await app.Database.RunAsync<Microsoft.AspNetCore.Identity.UserManager<AppUser>, string>(async users =>
        {
            var user = await users.FindByEmailAsync(email);
            return (await app.Database.RunAsync<ApiTokens.Handler, ApiTokens.Created>(h =>
                h.CreateAsync(new(user!.Id, $"stress-{editor}"), CancellationToken.None))).Secret;
        });
        var client = app.ClientIn("en");
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return client;
    }

    private static string Url(Guid id) => $"/api/programmes/{SeedFile.PtcSlug}/activities/{id}";

    private static int VersionOf(EntityTagHeaderValue? etag) =>
        int.Parse(etag!.Tag.Trim('"'), CultureInfo.InvariantCulture);

    [Fact]
    public async Task Eight_editors_making_fifty_edits_each_lose_no_update_and_every_save_is_audited()
    {
        var file = await app.ClientIn(null).GetFromJsonAsync<ProgrammeFile>("/api/programmes/" + SeedFile.PtcSlug, ProgrammeJson.Options);
        var ids = file!.Activities.Where(a => a.Section == "time-bound").Select(a => a.Id!.Value).ToList();
        var shared = ids.Take(SharedActivities).ToList();
        var own = ids.Skip(SharedActivities).Take(Editors).ToList();
        var scripts = new List<HttpClient>();
        for (var e = 0; e < Editors; e++)
        {
            scripts.Add(await ScriptAsync(e));
        }

        var initial = new Dictionary<Guid, int>();
        foreach (var id in shared.Concat(own))
        {
            initial[id] = VersionOf((await app.ClientIn(null).GetAsync(Url(id))).Headers.ETag);
        }

        var run = Guid.NewGuid().ToString("N")[..8];
        var attempts = new ConcurrentBag<Attempt>();
        var unexpected = new ConcurrentBag<string>();

        async Task EditorAsync(int editor)
        {
            var client = scripts[editor];
            for (var n = 0; n < EditsPerEditor; n++)
            {
                var id = n % 2 == 0 ? shared[(editor + n) % SharedActivities] : own[editor];
                var get = await client.GetAsync(Url(id));
                if (get.StatusCode != HttpStatusCode.OK)
                {
                    unexpected.Add($"GET {get.StatusCode}: {await get.Content.ReadAsStringAsync()}");
                    continue;
                }

                var activity = (await get.Content.ReadFromJsonAsync<ActivityDto>(ProgrammeJson.Options))!;
                var baseVersion = VersionOf(get.Headers.ETag);
                var marker = $"stress {run} editor {editor} edit {n}";
                var request = new HttpRequestMessage(HttpMethod.Put, Url(id))
                {
                    Content = JsonContent.Create(activity with { Kpi = new TextPair(activity.Kpi?.Fr, marker) }, options: ProgrammeJson.Options),
                };
                request.Headers.IfMatch.Add(get.Headers.ETag!);
                var put = await client.SendAsync(request);
                if (put.StatusCode is not (HttpStatusCode.OK or HttpStatusCode.PreconditionFailed or HttpStatusCode.Conflict))
                {
                    unexpected.Add($"PUT {put.StatusCode}: {await put.Content.ReadAsStringAsync()}");
                }

                attempts.Add(new Attempt(editor, id, marker, baseVersion, put.StatusCode,
                    put.StatusCode == HttpStatusCode.OK ? VersionOf(put.Headers.ETag) : null));
            }
        }

        await Task.WhenAll(Enumerable.Range(0, Editors).Select(e => Task.Run(() => EditorAsync(e))));

        // No database-busy error, no 500, nothing but a save or a conflict.
        Assert.Empty(unexpected);
        Assert.Equal(Editors * EditsPerEditor, attempts.Count);

        var audit = await app.Database.RunAsync<WorkProgrammeDb, List<(string EntityId, string? NewValue)>>(async db =>
            (await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == "Activity" && a.NewValue != null && a.NewValue.StartsWith("stress " + run))
                .Select(a => new { a.EntityId, a.NewValue }).ToListAsync()).Select(a => (a.EntityId, a.NewValue)).ToList());

        var lost = 0;
        foreach (var id in shared.Concat(own))
        {
            var saved = attempts.Where(a => a.Activity == id && a.Status == HttpStatusCode.OK).OrderBy(a => a.NewVersion).ToList();
            Assert.NotEmpty(saved);

            // Each save names the version the previous save produced: no save replaced one it had not seen.
            var expectedBase = initial[id];
            foreach (var save in saved)
            {
                if (save.BaseVersion != expectedBase)
                {
                    lost++;
                }

                Assert.True(save.NewVersion > save.BaseVersion, $"version did not increase: {save}");
                expectedBase = save.NewVersion!.Value;
            }

            var final = await app.ClientIn(null).GetAsync(Url(id));
            Assert.Equal(expectedBase, VersionOf(final.Headers.ETag));
            Assert.Equal(saved[^1].Marker, (await final.Content.ReadFromJsonAsync<ActivityDto>(ProgrammeJson.Options))!.Kpi!.En);

            // Every acknowledged save is in the audit trail once, and nothing unacknowledged is.
            var audited = audit.Where(a => a.EntityId == id.ToString()).Select(a => a.NewValue!).Order(StringComparer.Ordinal).ToList();
            Assert.Equal(saved.Select(s => s.Marker).Order(StringComparer.Ordinal), audited);
        }

        Assert.Equal(0, lost);

        // An editor alone on an activity never meets a conflict.
        Assert.All(attempts.Where(a => own.Contains(a.Activity)), a => Assert.Equal(HttpStatusCode.OK, a.Status));

        var sharedAttempts = attempts.Where(a => shared.Contains(a.Activity)).ToList();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"provider={app.Database.Provider} attempted={attempts.Count} saved={attempts.Count(a => a.Status == HttpStatusCode.OK)} " +
            $"conflicts={attempts.Count(a => a.Status != HttpStatusCode.OK)} shared: attempted={sharedAttempts.Count} saved={sharedAttempts.Count(a => a.Status == HttpStatusCode.OK)} " +
            $"conflicts={sharedAttempts.Count(a => a.Status != HttpStatusCode.OK)} separate: attempted={attempts.Count - sharedAttempts.Count} " +
            $"audited={audit.Count} lost=0 busy=0"));
    }
}
