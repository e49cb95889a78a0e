namespace WorkProgramme.Web.Infrastructure;

/// <summary>Who may open each page, in one place. Anything not listed here needs a signed-in user.</summary>
public static class PageAccess
{
    public static IServiceCollection AddWebPages(this IServiceCollection services)
    {
        services.AddRazorPages(options =>
        {
            // Public: published programmes and status reports, and what it takes to sign in.
            foreach (var page in new[] { "/Index", "/Error", "/Programmes/Show", "/Programmes/Activity", "/Programmes/Checks",
                         "/Programmes/Changes", "/Programmes/Compare", "/Programmes/Versions",
                         "/Programmes/Dashboard", "/Programmes/Workload", "/Programmes/Digest", "/Programmes/PdfPending", "/Organisation", "/Search", "/Account/SignIn", "/Account/Denied",
                         "/Account/SingleSignOn", "/Account/ForgottenPassword", "/Account/SetPassword" })
            {
                options.Conventions.AllowAnonymousToPage(page);
            }

            options.Conventions.AuthorizeFolder("/Admin", Policies.Admin);
            options.Conventions.AuthorizePage("/Programmes/Edit", Policies.Edit);
            options.Conventions.AuthorizePage("/Programmes/New", Policies.Edit);
            options.Conventions.AuthorizePage("/Programmes/Assign", Policies.Edit);
            options.Conventions.AuthorizePage("/Programmes/Import", Policies.Edit);
            options.Conventions.AuthorizePage("/Programmes/Translation", Policies.Edit);
            options.Conventions.AuthorizePage("/Translation/Memory", Policies.TranslationMemory);
            options.Conventions.AuthorizeFolder("/Rounds", Policies.Edit);
            options.Conventions.ConfigureFilter(new UnknownHandlerFilter());
        });
        services.AddSingleton<PendingUploads>();
        return services;
    }
}
