using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using WorkProgramme.Application.Features.Audit;
using WorkProgramme.Testing;

namespace WorkProgramme.Web.Tests.Production;

/// <summary>
/// Public pages come from the output cache for anonymous readers (the <c>Age</c> header says so) and never outlive a
/// change of the record: one made through the same instance at once, one made through another instance over the same
/// database once the record stamp's age (a second) has passed. A signed-in user's page is rendered from the model kept
/// for the record's state, which follows every change at once.
/// </summary>
public sealed class PageCachingFacts : IAsyncLifetime
{
    private static readonly string ProgrammePage = $"/programmes/{SeedFile.PtcSlug}";
    private TestDatabase database = null!;
    private AppInstance first = null!;
    private AppInstance second = null!;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync(seed: false);
        first = AppInstance.Start(database);
        second = AppInstance.Start(database);
        await Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await first.DisposeAsync();
        await second.DisposeAsync();
        await database.DisposeAsync();
    }

    [Fact]
    public async Task An_anonymous_reader_gets_the_programme_page_from_the_cache_until_an_edit_on_the_same_instance()
    {
        using var reader = Reader("en");
        var rendered = await reader.GetAsync(first.Url(ProgrammePage));
        var replayed = await reader.GetAsync(first.Url(ProgrammePage));
        Assert.Null(rendered.Headers.Age);
        Assert.NotNull(replayed.Headers.Age);
        Assert.Equal(await rendered.Content.ReadAsStringAsync(), await replayed.Content.ReadAsStringAsync());

        var title = $"Cache check {Guid.NewGuid():N}";
        await EditFirstActivityTitleAsync(first, title);

        var afterEdit = await reader.GetAsync(first.Url(ProgrammePage));
        Assert.Null(afterEdit.Headers.Age);
        Assert.Contains(title, await afterEdit.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_edit_made_through_another_instance_shows_once_the_stamp_s_age_has_passed()
    {
        // The reading instance runs on a clock the test moves, so the bound is checked on both sides without waiting.
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var reading = AppInstance.Start(database, services: s => s.AddSingleton<TimeProvider>(clock));
        using var reader = Reader("en");
        await reader.GetStringAsync(reading.Url(ProgrammePage));
        Assert.NotNull((await reader.GetAsync(reading.Url(ProgrammePage))).Headers.Age);
        var title = $"Cache check {Guid.NewGuid():N}";
        await EditFirstActivityTitleAsync(second, title);

        var withinTheAge = await reader.GetStringAsync(reading.Url(ProgrammePage));
        clock.Advance(LatestChange.Stamp.DefaultMaxAge);
        var afterTheAge = await reader.GetStringAsync(reading.Url(ProgrammePage));

        Assert.DoesNotContain(title, withinTheAge, StringComparison.Ordinal);
        Assert.Contains(title, afterTheAge, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_language_is_cached_on_its_own()
    {
        using var french = Reader("fr");
        using var english = Reader("en");
        await french.GetStringAsync(first.Url(ProgrammePage));
        await english.GetStringAsync(first.Url(ProgrammePage));

        var frenchAgain = await french.GetAsync(first.Url(ProgrammePage));
        var englishAgain = await english.GetAsync(first.Url(ProgrammePage));

        Assert.NotNull(frenchAgain.Headers.Age);
        Assert.NotNull(englishAgain.Headers.Age);
        Assert.Contains("<html lang=\"fr\"", await frenchAgain.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("<html lang=\"en\"", await englishAgain.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_replayed_page_carries_the_correlation_id_of_its_own_request()
    {
        using var reader = Reader("en");
        await reader.GetStringAsync(first.Url(ProgrammePage));
        using var request = new HttpRequestMessage(HttpMethod.Get, first.Url(ProgrammePage));
        request.Headers.Add("X-Correlation-ID", "replayed-request-1");

        var replayed = await reader.SendAsync(request);

        Assert.NotNull(replayed.Headers.Age);
        Assert.Equal("replayed-request-1", Assert.Single(replayed.Headers.GetValues("X-Correlation-ID")));
    }

    [Fact]
    public async Task A_signed_in_editor_never_gets_a_cached_page()
    {
        using var anonymous = Reader("en");
        await anonymous.GetStringAsync(first.Url(ProgrammePage));
        Assert.NotNull((await anonymous.GetAsync(first.Url(ProgrammePage))).Headers.Age);
        using var editor = await SignedInEditorAsync(first);

        var page = await editor.GetAsync(first.Url(ProgrammePage));
        var again = await editor.GetAsync(first.Url(ProgrammePage));

        Assert.Null(page.Headers.Age);
        Assert.Null(again.Headers.Age);
        Assert.Contains("/account/sign-out", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_signed_in_editor_sees_an_edit_at_the_next_page_whichever_instance_made_it()
    {
        // The read model and the table are kept per state of the record (decision 0037), read from the database on
        // each signed-in request: no stamp age, no clock to move.
        using var editor = await SignedInEditorAsync(first);
        await editor.GetStringAsync(first.Url(ProgrammePage));
        var sameInstance = $"Kept model check {Guid.NewGuid():N}";
        await EditFirstActivityTitleAsync(first, sameInstance);

        Assert.Contains(sameInstance, await editor.GetStringAsync(first.Url(ProgrammePage)), StringComparison.Ordinal);

        var otherInstance = $"Kept model check {Guid.NewGuid():N}";
        await EditFirstActivityTitleAsync(second, otherInstance);

        var page = await editor.GetStringAsync(first.Url(ProgrammePage));
        Assert.Contains(otherInstance, page, StringComparison.Ordinal);
        Assert.DoesNotContain(sameInstance, page, StringComparison.Ordinal);
    }

    private static HttpClient Reader(string language)
    {
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false });
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        return client;
    }

    private async Task<HttpClient> SignedInEditorAsync(AppInstance instance) => (await Browser.SignedInEditorAsync(database, instance)).Client;

    private async Task EditFirstActivityTitleAsync(AppInstance instance, string englishTitle)
    {
        using var editor = await SignedInEditorAsync(instance);
        var activityUrl = instance.Url(await Browser.FirstActivityPathAsync(editor, instance.Url($"/api/programmes/{SeedFile.PtcSlug}")));
        var (activity, etag) = await Browser.GetActivityAsync(editor, activityUrl);
        var saved = await Browser.PutActivityAsync(editor, activityUrl, activity with { Title = activity.Title! with { En = englishTitle } },
            etag, await Browser.TokenAsync(editor, instance.Url("/")));
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
    }
}
