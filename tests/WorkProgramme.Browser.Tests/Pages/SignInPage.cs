using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace WorkProgramme.Browser.Tests.Pages;

/// <summary>/account/sign-in, and the header's account corner that says who is signed in and signs out.</summary>
public sealed class SignInPage(IPage page, RoundUi ui)
{
    public IPage Page => page;

    public static async Task<SignInPage> OpenAsync(IPage page, RoundUi ui)
    {
        await page.GotoAsync("/account/sign-in");
        var signIn = new SignInPage(page, ui);
        await Expect(signIn.SubmitButton).ToBeVisibleAsync();
        return signIn;
    }

    public ILocator Email => page.GetByLabel(ui.EmailLabel, new() { Exact = true });

    public ILocator Password => page.GetByLabel(ui.PasswordLabel, new() { Exact = true });

    // In English the header link says "Sign in" too: only the form's submit is a button.
    public ILocator SubmitButton => page.Locator("main").GetByRole(AriaRole.Button, new() { Name = ui.SignInButton, Exact = true });

    /// <summary>Types the address and password, submits, and waits until the header offers to sign out.</summary>
    public async Task SignInAsync(string email, string password)
    {
        await Email.ClickAsync();
        await Email.PressSequentiallyAsync(email);
        await Password.ClickAsync();
        await Password.PressSequentiallyAsync(password);
        await SubmitButton.ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath != "/account/sign-in");
        await Expect(SignOutButton(page, ui)).ToBeVisibleAsync();
    }

    public static ILocator SignOutButton(IPage page, RoundUi ui) =>
        page.Locator("header").GetByRole(AriaRole.Button, new() { Name = ui.SignOutButton, Exact = true });

    /// <summary>Clicks the header's sign-out button and waits until the header offers to sign in again.</summary>
    public static async Task SignOutAsync(IPage page, RoundUi ui)
    {
        await SignOutButton(page, ui).ClickAsync();
        await Expect(page.Locator("header").GetByRole(AriaRole.Link, new() { Name = ui.SignInLink, Exact = true })).ToBeVisibleAsync();
        await Expect(SignOutButton(page, ui)).ToHaveCountAsync(0);
    }
}
