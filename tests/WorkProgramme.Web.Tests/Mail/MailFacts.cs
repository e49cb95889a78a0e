using System.Net;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WorkProgramme.Application.Data;
using WorkProgramme.Application.Features.Users;
using WorkProgramme.Application.Identity;
using WorkProgramme.Testing;

namespace WorkProgramme.Web.Tests.Mail;

/// <summary>The app with its outbox sender and a real SMTP server on loopback (scripts/smtp-sink.py).</summary>
public sealed class MailApp : IAsyncLifetime
{
    public WebAppFactory App { get; } = new();

    public SmtpSink Sink { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await ((IAsyncLifetime)App).InitializeAsync();
        Sink = await SmtpSink.StartNewAsync();
        foreach (var (key, value) in Sink.Settings())
        {
            App.Settings[key] = value;
        }
    }

    public async Task DisposeAsync()
    {
        await ((IAsyncLifetime)App).DisposeAsync();
        await Sink.DisposeAsync();
    }
}

public sealed class MailFacts(MailApp mail) : IClassFixture<MailApp>
{
    private WebAppFactory App => mail.App;

    private static string PathOf(string link) => new Uri(link).PathAndQuery;

    private async Task<MimeKit.MimeMessage> MessageToAsync(string address)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var found = mail.Sink.Messages().FirstOrDefault(m => m.To.Mailboxes.Any(b => b.Address == address));
            if (found is not null)
            {
                return found;
            }

            Assert.True(DateTime.UtcNow < deadline, $"No message to {address} arrived.");
            await mail.Sink.WaitForAsync(mail.Sink.Messages().Count + 1);
        }
    }

    [Fact]
    public async Task A_forgotten_password_sends_a_link_that_sets_a_new_password_once()
    {
        var (email, oldPassword) = await App.UserAsync(Roles.Editor, "CTP");
        var client = App.ClientIn("fr");

        var asked = await client.PostFormAsync("/account/forgotten-password", "/account/forgotten-password", new Dictionary<string, string> { ["Email"] = email });
        Assert.Contains("Si un compte a cette adresse", await asked.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var message = await MessageToAsync(email);
        Assert.Equal("Nouveau mot de passe pour WorkProgramme", message.Subject); // no language chosen yet: French
        var link = PathOf(SmtpSink.LinkIn(message));
        var form = await client.GetPageAsync(link);
        Assert.Contains(email, form.QuerySelector("p.lead").Text(), StringComparison.Ordinal);

        const string newPassword = "a brand new long password";
        var fields = new Dictionary<string, string>
        {
            ["Token"] = form.QuerySelector("input[name=Token]")!.GetAttribute("value")!,
            ["Password"] = newPassword,
            ["Confirm"] = newPassword,
            ["Language"] = "en",
        };
        var set = await client.PostFormAsync(link, link, fields);
        Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/profile")).StatusCode); // signed in

        Assert.Equal(HttpStatusCode.Redirect, (await App.ClientIn("en").SignInAsync(email, newPassword)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await App.ClientIn("en").SignInAsync(email, oldPassword)).StatusCode); // refused: the form again

        var again = await App.ClientIn("en").GetPageAsync(link);
        Assert.Equal("This link has already been used. Ask for a new one with \"Forgotten password\".", again.QuerySelector("#link-refused").Text());
        Assert.NotNull(again.QuerySelector("a#ask-new-link[href='/account/forgotten-password']"));
    }

    [Fact]
    public async Task The_answer_to_an_unknown_address_is_the_same_as_to_a_known_one_and_nothing_is_sent()
    {
        var (email, _) = await App.UserAsync(Roles.Member, "CTP");
        async Task<string> AnswerAsync(string address)
        {
            var client = App.ClientIn("en");
            var response = await client.PostFormAsync("/account/forgotten-password", "/account/forgotten-password",
                new Dictionary<string, string> { ["Email"] = address });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync()).QuerySelector("main").Text();
        }

        Assert.Equal(await AnswerAsync(email), await AnswerAsync("nobody-" + Guid.NewGuid().ToString("N") + "@example.org"));
        Assert.Equal(0, await App.Database.RunAsync<WorkProgrammeDb, int>(db => db.OutboxMessages.CountAsync(m => m.ToAddress.StartsWith("nobody-"))));
    }

    [Fact]
    public async Task An_admin_invites_from_the_page_and_the_mail_page_lists_the_message()
    {
        var admin = await App.SignedInClientAsync(Roles.Admin);
        var address = $"invitee-{Guid.NewGuid():N}@example.org";

        var response = await admin.PostFormAsync("/admin/users/invite", "/admin/users/invite", new Dictionary<string, string>
        {
            ["Email"] = address, ["Role"] = Roles.Member, ["Body"] = "CTP", ["Language"] = "en",
        });
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.Equal($"Invitation sent to {address}.", page.QuerySelector("#invited").Text());

        var message = await MessageToAsync(address);
        Assert.Equal("Invitation to WorkProgramme — Organisation mondiale des douanes", message.Subject);
        Assert.StartsWith("http://wp.example.org/account/set-password?token=", SmtpSink.LinkIn(message));

        var outbox = await admin.GetPageAsync("/admin/mail");
        Assert.Contains(outbox.QuerySelectorAll("table.mail-table tbody tr"), row => row.Text().Contains(address, StringComparison.Ordinal)
            && row.Text().Contains("Invitation", StringComparison.Ordinal));
    }

    [Fact]
    public void The_links_in_messages_lead_to_the_set_password_page()
    {
        var links = App.Services.GetRequiredService<LinkGenerator>();
        Assert.Equal("/" + AccountLink.SetPasswordPath, links.GetPathByPage("/Account/SetPassword"));
    }
}
