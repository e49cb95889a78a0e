using System.Globalization;
using Microsoft.Playwright;
using WorkProgramme.Testing;
using static Microsoft.Playwright.Assertions;

namespace WorkProgramme.Browser.Tests.Pages;

/// <summary>/programmes/{slug}/rounds/{session}: every report of the round, its review, and publication.</summary>
public sealed class RoundPage(IPage page, RoundUi ui)
{
    public IPage Page => page;

    public static async Task<RoundPage> OpenAsync(IPage page, RoundUi ui, string sessionKey, string slug = SeedFile.PtcSlug)
    {
        await page.GotoAsync($"/programmes/{slug}/rounds/{sessionKey}");
        return await ShownAsync(page, ui, sessionKey);
    }

    /// <summary>The round page of <paramref name="sessionKey"/>, once loaded; after a review or a publication the URL names the handler.</summary>
    public static async Task<RoundPage> ShownAsync(IPage page, RoundUi ui, string sessionKey)
    {
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath.EndsWith($"/rounds/{sessionKey}", StringComparison.Ordinal));
        var round = new RoundPage(page, ui);
        await Expect(round.Title).ToContainTextAsync(ui.Round);
        return round;
    }

    public ILocator Title => page.Locator("main h1");

    /// <summary>"Open" or "Published", beside the title.</summary>
    public ILocator State => page.Locator("main .page-head .badge");

    /// <summary>How many reports are at <paramref name="progress"/> ("Not yet updated", "Updated", "Reviewed").</summary>
    public ILocator Count(string progress) =>
        page.Locator("main .progress-facts > div").Filter(new() { Has = page.Locator("dt").GetByText(progress, new() { Exact = true }) }).Locator("dd");

    /// <summary>The row of the report for activity <paramref name="reference"/> (I.1, II.3, …).</summary>
    public ILocator Row(string reference) =>
        page.Locator("table.round-table tbody tr").Filter(new() { Has = page.GetByRole(AriaRole.Rowheader, new() { Name = reference, Exact = true }) });

    public ILocator Progress(string reference) => Row(reference).Locator(".progress");

    public ILocator WriteLinks => page.Locator("table.round-table").GetByRole(AriaRole.Link, new() { Name = ui.Write });

    public ILocator WriteLink(string reference) =>
        page.GetByRole(AriaRole.Link, new() { Name = $"{ui.Write} {reference}", Exact = true });

    public async Task<ReportPage> WriteAsync(string reference)
    {
        await WriteLink(reference).ClickAsync();
        return await ReportPage.ShownAsync(page, ui, reference);
    }

    public ILocator MarkReviewedButton(string reference) =>
        page.GetByRole(AriaRole.Button, new() { Name = $"{ui.MarkReviewed} {reference}", Exact = true });

    public async Task MarkReviewedAsync(string reference)
    {
        await MarkReviewedButton(reference).ClickAsync();
        await Expect(Progress(reference)).ToHaveTextAsync(ui.Reviewed);
    }

    public ILocator PublishButton => page.GetByRole(AriaRole.Button, new() { Name = ui.Publish, Exact = true });

    /// <summary>The warning that lists the reports nobody updated, with its "Publish anyway" button.</summary>
    public ILocator Confirmation => page.Locator("#confirm-publish");

    public ILocator ConfirmationTitle => Confirmation.Locator("strong");

    public ILocator PendingList => Confirmation.Locator(".pending-list");

    public ILocator PublishAnywayButton => Confirmation.GetByRole(AriaRole.Button, new() { Name = ui.PublishAnyway, Exact = true });

    public string PendingTitle(int count) => string.Format(CultureInfo.InvariantCulture, ui.PendingTitle, count);
}
