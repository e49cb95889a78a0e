using System.Net;
using AngleSharp.Html.Parser;
using WorkProgramme.Application.Features.Users;
using WorkProgramme.Application.Identity;

namespace WorkProgramme.Web.Tests.Users;

/// <summary>/admin/users and a user's edit page; a deactivated user's ways in; the profile's preferences.</summary>
public sealed class UserAdminPageFacts(WebAppFactory app) : IClassFixture<WebAppFactory>
{
    private async Task<UserDirectory.Row> RowAsync(string email) =>
        (await app.Database.RunAsync<UserDirectory.Handler, UserDirectory.Row?>(h => h.FindByEmailAsync(email, CancellationToken.None)))!;

    private static string EditUrl(UserDirectory.Row row) => $"/admin/users/{row.Id}/edit";

    [Fact]
    public async Task An_administrator_filters_the_users_and_reads_roles_and_states_in_words()
    {
        var admin = await app.SignedInClientAsync(Roles.Admin, acceptLanguage: "fr");
        var (member, _) = await app.UserAsync(Roles.Member, "CTP");

        var page = await admin.GetPageAsync("/admin/users?role=member&body=CTP&state=active");

        var row = page.QuerySelector($"tr#user-{(await RowAsync(member)).Id}");
        Assert.Equal($"{member} Membre d’un comité CTP Actif Jamais Modifier {member}", row.Text());
        Assert.All(page.QuerySelectorAll("tbody tr"), r => Assert.Contains("Membre d’un comité", r.Text(), StringComparison.Ordinal));
        Assert.Empty((await admin.GetPageAsync("/admin/users?state=deactivated&q=" + member)).QuerySelectorAll("tbody tr"));
    }

    [Fact]
    public async Task An_administrator_changes_a_role_and_body_and_a_stale_save_is_refused_keeping_the_choices()
    {
        var admin = await app.SignedInClientAsync(Roles.Admin);
        var (email, _) = await app.UserAsync(Roles.Editor, "CTP");
        var url = EditUrl(await RowAsync(email));
        var shown = await admin.FieldAsync(url, "input[name=Version]");

        var saved = await admin.PostFormAsync(url, url, new Dictionary<string, string>
        {
            ["Role"] = Roles.Member, ["Body"] = "CTP", ["Active"] = "true", ["Version"] = shown,
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal((Roles.Member, "CTP"), ((await RowAsync(email)).Role, (await RowAsync(email)).BodyCode));

        // A second administrator, still holding the form as it was first shown, saves over it.
        var before = await app.Database.ContentHashAsync();
        var stale = await admin.PostFormAsync(url, url, new Dictionary<string, string>
        {
            ["Role"] = Roles.Admin, ["Body"] = "", ["Active"] = "true", ["Version"] = shown,
        });

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(before, await app.Database.ContentHashAsync());
        var page = new HtmlParser().ParseDocument(await stale.Content.ReadAsStringAsync());
        Assert.Contains("Another administrator changed this user in the meantime", page.QuerySelector("#user-problem").Text(), StringComparison.Ordinal);
        Assert.Equal(Roles.Admin, page.QuerySelector("select[name=Role] option[selected]")!.GetAttribute("value"));
        Assert.Equal((await RowAsync(email)).Version, page.QuerySelector("input[name=Version]")!.GetAttribute("value"));
        Assert.Contains("Committee member", page.QuerySelector("#user-now").Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_deactivated_user_loses_their_session_and_their_api_token_and_cannot_sign_in_until_reactivated()
    {
        var admin = await app.SignedInClientAsync(Roles.Admin);
        var (email, password) = await app.UserAsync(Roles.Editor, "CTP");
        var session = app.ClientIn("en");
        Assert.Equal(HttpStatusCode.Redirect, (await session.SignInAsync(email, password)).StatusCode);
        var user = await RowAsync(email);
        var secret = (await app.Database.RunAsync<ApiTokens.Handler, ApiTokens.Created>(h => h.CreateAsync(new(user.Id, "nightly"), CancellationToken.None))).Secret;
        var script = app.ClientIn("en");
        script.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", secret);
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/account/profile")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await script.GetAsync("/api/me")).StatusCode);
        Assert.NotNull((await RowAsync(email)).LastSignInAt);

        var url = EditUrl(user);
        var deactivated = await admin.PostFormAsync(url, url, new Dictionary<string, string>
        {
            ["Role"] = Roles.Editor, ["Body"] = "CTP", ["Active"] = "false", ["Version"] = await admin.FieldAsync(url, "input[name=Version]"),
        });
        Assert.Equal(HttpStatusCode.Redirect, deactivated.StatusCode);

        var profile = await session.GetAsync("/account/profile");
        Assert.Equal(HttpStatusCode.Redirect, profile.StatusCode);
        Assert.Equal("/account/sign-in", profile.Headers.Location!.AbsolutePath);
        Assert.Equal(HttpStatusCode.Unauthorized, (await script.GetAsync("/api/me")).StatusCode);
        var again = await app.ClientIn("en").SignInAsync(email, password);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("alert", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var reactivated = await admin.PostFormAsync(url, url, new Dictionary<string, string>
        {
            ["Role"] = Roles.Editor, ["Body"] = "CTP", ["Active"] = "true", ["Version"] = await admin.FieldAsync(url, "input[name=Version]"),
        });
        Assert.Equal(HttpStatusCode.Redirect, reactivated.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await app.ClientIn("en").SignInAsync(email, password)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await script.GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task The_last_active_administrator_cannot_deactivate_themselves_and_is_told_why()
    {
        // Every other administrator of this app's database is deactivated first, so that this one is the last.
        var admin = await app.SignedInClientAsync(Roles.Admin, acceptLanguage: "fr");
        var myEmail = (await admin.GetPageAsync("/account/profile")).QuerySelector("dl.facts dd").Text();
        var others = (await app.Database.RunAsync<UserDirectory.Handler, IReadOnlyList<UserDirectory.Row>>(h =>
            h.ListAsync(new(Role: Roles.Admin, Active: true), CancellationToken.None))).Where(r => r.Email != myEmail).ToList();
        foreach (var other in others)
        {
            var done = await app.Database.RunAsync<EditUser.Handler, Application.Writes.Result<string>>(h => h.HandleAsync(
                new EditUser.Command(Viewer.Operator, other.Id, Roles.Admin, null, false, other.Version), CancellationToken.None));
            Assert.Null(done.Failure);
        }

        var url = EditUrl(await RowAsync(myEmail));
        var before = await app.Database.ContentHashAsync();
        var refused = await admin.PostFormAsync(url, url, new Dictionary<string, string>
        {
            ["Role"] = Roles.Admin, ["Body"] = "", ["Active"] = "false", ["Version"] = await admin.FieldAsync(url, "input[name=Version]"),
        });

        var page = new HtmlParser().ParseDocument(await refused.Content.ReadAsStringAsync());
        Assert.StartsWith("C'est le dernier administrateur actif", page.QuerySelector("#user-problem").Text(), StringComparison.Ordinal);
        Assert.Equal("false", page.QuerySelector("input[name=Active][checked]")!.GetAttribute("value"));
        Assert.Equal(before, await app.Database.ContentHashAsync());

        foreach (var other in others)
        {
            var back = await RowAsync(other.Email);
            await app.Database.RunAsync<EditUser.Handler, Application.Writes.Result<string>>(h => h.HandleAsync(
                new EditUser.Command(Viewer.Operator, back.Id, Roles.Admin, null, true, back.Version), CancellationToken.None));
        }
    }

    [Fact]
    public async Task The_preferred_language_chosen_on_the_profile_is_the_interfaces_after_the_next_sign_in()
    {
        var (email, password) = await app.UserAsync(Roles.Member, "CTP");
        var client = app.ClientIn("fr");
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(email, password)).StatusCode);

        var saved = await client.PostFormAsync("/account/profile", "/account/profile?handler=Preferences", new Dictionary<string, string>
        {
            ["PreferredLanguage"] = "en", ["EmailSessionDigest"] = "true",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var id = (await RowAsync(email)).Id;
        Assert.Equal(new UserPreferences.Choices("en", true, false, false),
            await app.Database.RunAsync<UserPreferences.Handler, UserPreferences.Choices?>(h => h.GetAsync(id, CancellationToken.None)));

        // A new browser, French by its headers: signing in sets the user's language.
        var elsewhere = app.ClientIn("fr");
        var signedIn = await elsewhere.SignInAsync(email, password);
        Assert.Contains(signedIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Culture=c%3Den", StringComparison.Ordinal));
        var profile = await elsewhere.GetPageAsync("/account/profile");
        Assert.Equal("My profile", profile.QuerySelector("h1").Text());
        Assert.Equal("en", profile.QuerySelector("select[name=PreferredLanguage] option[selected]")!.GetAttribute("value"));
        Assert.NotNull(profile.QuerySelector("input[name=EmailSessionDigest][checked]"));
        Assert.Null(profile.QuerySelector("input[name=EmailCommentNotices][checked]"));
        Assert.Null(profile.QuerySelector("input[name=EmailRoundReminders][checked]"));
    }
}
