using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using WorkProgramme.Application.Identity;
using WorkProgramme.Browser.Tests.Pages;
using static Microsoft.Playwright.Assertions;

namespace WorkProgramme.Browser.Tests.Journeys;

/// <summary>
/// An administrator finds a user from the header's "Users" link, filters the list, deactivates them, and sees them
/// listed as deactivated; the deactivated user's open page sends them to sign in. In French and in English.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class UserAdminJourney(BrowserApp app) : IAsyncLifetime
{
    private readonly List<IPage> pages = [];

    public Task InitializeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("fr", "Utilisateurs", "Membre d’un comité", "Désactivé (ne peut plus se connecter", "Utilisateur enregistré.", "Désactivé", "Enregistrer")]
    [InlineData("en", "Users", "Committee member", "Deactivated (can no longer sign in", "User saved.", "Deactivated", "Save")]
    public async Task An_administrator_deactivates_a_member_who_is_then_sent_to_sign_in(string language, string usersLink, string memberWord,
        string deactivateChoice, string saved, string deactivatedWord, string save)
    {
        var ui = RoundUi.For(language);
        var admin = await SignedInAsync(language, await app.UserAsync(Roles.Admin));
        var member = await app.UserAsync(Roles.Member, "CTP");
        var memberPage = await SignedInAsync(language, member);

        await AdminMenu.FollowAsync(admin, usersLink);
        await Expect(admin.Locator("main h1")).ToHaveTextAsync(usersLink);
        await admin.Locator("select[name=role]").SelectOptionAsync("member");
        await admin.Locator("main input[name=q]").FillAsync(member.Email);
        await admin.Locator("form.filters button[type=submit]").ClickAsync();
        var row = admin.Locator("tbody tr");
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row).ToContainTextAsync(memberWord);
        await Screenshots.SaveAsync(admin, $"admin-users-{language}", fullPage: true);
        var axe = await admin.RunAxe();
        Assert.Empty(axe.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Id}: {v.Help}"));

        await row.GetByRole(AriaRole.Link).ClickAsync();
        await admin.GetByLabel(deactivateChoice).CheckAsync();
        await Screenshots.SaveAsync(admin, $"admin-user-edit-{language}", fullPage: true);
        await admin.Locator("#edit-user").GetByRole(AriaRole.Button, new() { Name = save, Exact = true }).ClickAsync();

        await Expect(admin.Locator("#flash")).ToHaveTextAsync(saved);
        await Expect(admin.Locator("tbody tr").Filter(new() { HasText = member.Email })).ToContainTextAsync(deactivatedWord);

        // The member's open session ends at their next request.
        await memberPage.ReloadAsync();
        await Expect(memberPage.Locator("header").GetByRole(AriaRole.Link, new() { Name = ui.SignInLink, Exact = true })).ToBeVisibleAsync();
    }

    private async Task<IPage> SignedInAsync(string language, (string Email, string Password) user)
    {
        var page = await app.NewPageAsync(language);
        pages.Add(page);
        await (await SignInPage.OpenAsync(page, RoundUi.For(language))).SignInAsync(user.Email, user.Password);
        return page;
    }

    public async Task DisposeAsync()
    {
        foreach (var page in pages)
        {
            await page.Context.CloseAsync();
        }
    }
}
