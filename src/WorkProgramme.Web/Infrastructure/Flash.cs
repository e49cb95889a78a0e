using Microsoft.AspNetCore.Mvc.ViewFeatures;
using WorkProgramme.Domain.Common;

namespace WorkProgramme.Web.Infrastructure;

/// <summary>
/// The one-time message a page shows after a POST-Redirect-GET: a label key for success, or a problem in both languages,
/// so the page after the redirect says it in the language of that request.
/// </summary>
public static class Flash
{
    private const string SuccessKey = "flash.success";
    private const string ProblemFr = "flash.problem.fr";
    private const string ProblemEn = "flash.problem.en";

    public static void Success(this ITempDataDictionary tempData, string labelKey) => tempData[SuccessKey] = labelKey;

    public static void Problem(this ITempDataDictionary tempData, BilingualText? problem)
    {
        if (problem is not null)
        {
            tempData[ProblemFr] = problem.Fr;
            tempData[ProblemEn] = problem.En;
        }
    }

    public static string? TakeSuccess(this ITempDataDictionary tempData) => tempData[SuccessKey] as string;

    public static BilingualText? TakeProblem(this ITempDataDictionary tempData)
    {
        var problem = new BilingualText(tempData[ProblemFr] as string, tempData[ProblemEn] as string);
        return problem.IsEmpty ? null : problem;
    }
}
