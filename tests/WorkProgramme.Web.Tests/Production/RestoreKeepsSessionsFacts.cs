using System.Net;
using System.Net.Http.Json;
using WorkProgramme.Application.Features.Backup;
using WorkProgramme.Application.Features.Users;
using WorkProgramme.Application.Identity;
using WorkProgramme.Testing;

namespace WorkProgramme.Web.Tests.Production;

/// <summary>
/// The Data Protection keys travel with the data: a browser signed in before a backup (or an archive) keeps its session
/// and its form token on an app over the restored database.
/// </summary>
public sealed class RestoreKeepsSessionsFacts
{
    [Theory]
    [InlineData("backup")]
    [InlineData("archive")]
    public async Task A_session_signed_in_before_the_copy_still_works_on_an_app_over_the_restored_database(string copy)
    {
        await using var source = await TestDatabase.CreateAsync(seed: false);
        await using var target = await TestDatabase.CreateEmptyAsync();
        const string password = "correct horse battery";
        var email = $"editor-{Guid.NewGuid():N}@example.org";
        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false });
        browser.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        string antiforgery;
        await using (var before = AppInstance.Start(source)) // seeds the empty database
        {
            var added = await source.RunAsync<AddUser.Handler, AddUser.Outcome>(h =>
                h.HandleAsync(new AddUser.Command(email, Roles.Editor, "CTP", password), CancellationToken.None));
            Assert.True(added.Succeeded);
            Assert.Equal(HttpStatusCode.Redirect, (await Browser.SignInAsync(browser, before.Url("/account/sign-in"), email, password)).StatusCode);
            antiforgery = await Browser.TokenAsync(browser, before.Url("/"));
        }

        if (copy == "backup")
        {
            var file = Path.Combine(source.Folder, "workprogramme.backup");
            await source.RunAsync<DatabaseBackup.Handler>(h => h.BackupAsync(new(file), CancellationToken.None));
            await target.RunAsync<DatabaseBackup.Handler>(h => h.RestoreAsync(new(file), CancellationToken.None));
        }
        else
        {
            using var archive = new MemoryStream();
            await source.RunAsync<DatabaseArchive.Handler>(h => h.ExportAsync(archive, CancellationToken.None));
            archive.Position = 0;
            await target.RunAsync<DatabaseArchive.Handler>(h => h.ImportAsync(archive, CancellationToken.None));
        }

        // The app starts on the restored file as it is (a SQLite copy is not in WAL mode until something switches it).
        await using var after = AppInstance.Start(target);
        var me = await browser.GetAsync(after.Url("/api/me"));
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Contains(email, (await me.Content.ReadFromJsonAsync<Dictionary<string, object>>())!.Values.Select(v => v.ToString()));

        // The form token issued before the copy is accepted too: an edit goes through.
        var activityUrl = await Browser.FirstActivityPathAsync(browser, after.Url($"/api/programmes/{SeedFile.PtcSlug}"));
        var (activity, etag) = await Browser.GetActivityAsync(browser, after.Url(activityUrl));
        var changed = activity with { Priority = activity.Priority == "A" ? "B" : "A" };
        var saved = await Browser.PutActivityAsync(browser, after.Url(activityUrl), changed, etag, antiforgery);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal(changed.Priority, (await Browser.GetActivityAsync(browser, after.Url(activityUrl))).Activity.Priority);
    }
}
