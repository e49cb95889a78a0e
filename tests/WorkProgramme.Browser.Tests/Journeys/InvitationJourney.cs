using Microsoft.Playwright;
using WorkProgramme.Application.Identity;
using WorkProgramme.Browser.Tests.Pages;
using WorkProgramme.Testing;
using static Microsoft.Playwright.Assertions;

namespace WorkProgramme.Browser.Tests.Journeys;

/// <summary>
/// An administrator invites a person from the page; the message arrives at a real SMTP server; its link opens the
/// page where the person chooses a password and language, and they are signed in. The same link is refused after.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class InvitationJourney(BrowserApp app)
{
    [Fact]
    public async Task An_invited_person_follows_the_emailed_link_sets_a_password_is_signed_in_and_the_link_is_refused_the_second_time()
    {
        var (adminEmail, adminPassword) = await app.UserAsync(Roles.Admin);
        var admin = await app.NewPageAsync("en");
        await (await SignInPage.OpenAsync(admin, RoundUi.En)).SignInAsync(adminEmail, adminPassword);

        var invitee = $"delegate-{Guid.NewGuid():N}@example.org";
        await admin.GotoAsync("/admin/users/invite");
        await admin.GetByLabel("Email address", new() { Exact = true }).FillAsync(invitee);
        await admin.GetByRole(AriaRole.Combobox, new() { Name = "Role" }).SelectOptionAsync(Roles.Member);
        await admin.GetByRole(AriaRole.Combobox, new() { Name = "Body (required for a member)" }).SelectOptionAsync("CTP");
        await admin.GetByRole(AriaRole.Combobox, new() { Name = "Language of your emails" }).SelectOptionAsync("en");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Invite", Exact = true }).ClickAsync();
        await Expect(admin.Locator("#invited")).ToHaveTextAsync($"Invitation sent to {invitee}.");
        await admin.Context.CloseAsync();

        var message = await WaitForMessageToAsync(invitee);
        Assert.StartsWith("Invitation to WorkProgramme", message.Subject);
        var link = SmtpSink.LinkIn(message);
        Assert.StartsWith(app.BaseUrl.ToString().TrimEnd('/') + "/account/set-password?token=", link);

        var person = await app.NewPageAsync("fr");
        await person.GotoAsync(link);
        await Expect(person.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Bienvenue : choisissez votre mot de passe");
        await Expect(person.Locator("main p.lead")).ToHaveTextAsync($"Compte : {invitee}");
        await person.GetByLabel("Nouveau mot de passe", new() { Exact = false }).FillAsync("my own long password");
        await person.GetByLabel("Le même, une seconde fois", new() { Exact = true }).FillAsync("my own long password");
        await Expect(person.GetByRole(AriaRole.Combobox, new() { Name = "Langue de vos courriels" })).ToHaveValueAsync("en");
        await person.GetByRole(AriaRole.Button, new() { Name = "Enregistrer et se connecter", Exact = true }).ClickAsync();
        await person.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
        // Signed in, the interface takes the language the person chose for their e-mails (their preferred language).
        await Expect(SignInPage.SignOutButton(person, RoundUi.For("en"))).ToBeVisibleAsync();
        await person.Context.CloseAsync();

        var again = await app.NewPageAsync("en");
        await again.GotoAsync(link);
        await Expect(again.Locator("#link-refused")).ToHaveTextAsync("This link has already been used. Ask for a new one with \"Forgotten password\".");
        await again.GetByRole(AriaRole.Link, new() { Name = "Ask for a new link", Exact = true }).ClickAsync();
        await Expect(again.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Forgotten password");
        await again.Context.CloseAsync();
    }

    private async Task<MimeKit.MimeMessage> WaitForMessageToAsync(string address)
    {
        for (var count = 1; ; count++)
        {
            var messages = await app.Mail.WaitForAsync(count);
            if (messages.FirstOrDefault(m => m.To.Mailboxes.Any(b => b.Address == address)) is { } found)
            {
                return found;
            }
        }
    }
}
