using System.Globalization;
using Microsoft.Extensions.Localization;
using WorkProgramme.Domain.Common;

namespace WorkProgramme.Web.Infrastructure;

/// <summary>
/// The one plural rule: a count picks <c>Key.One</c> or <c>Key.Other</c> from the resources. French is singular for
/// 0 and 1 ("0 activité modifiée"), English for 1 only ("0 activities changed").
/// </summary>
public static class Plurals
{
    public static bool IsOne(int count, Language language) => Plural.IsOne(count, language);

    /// <summary>The count is <c>{0}</c>; further values, if the text has them, are <c>{1}</c>, <c>{2}</c>...</summary>
    public static string Format(IStringLocalizer labels, string key, int count, Language language, params object[] more) =>
        string.Format(CultureInfo.CurrentCulture, labels[$"{key}.{(IsOne(count, language) ? "One" : "Other")}"], [count, .. more]);
}
