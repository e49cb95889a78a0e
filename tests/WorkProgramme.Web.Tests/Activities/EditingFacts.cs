using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using WorkProgramme.Application.Features.Interchange;
using WorkProgramme.Application.Features.Users;
using WorkProgramme.Application.Identity;
using WorkProgramme.Domain.Activities;
using WorkProgramme.Testing;

namespace WorkProgramme.Web.Tests.Activities;

public sealed class EditingFacts(WebAppFactory app) : IClassFixture<WebAppFactory>
{
    private async Task<Guid> ActivityIdAsync(string section, int number)
    {
        var file = await app.ClientIn(null).GetFromJsonAsync<ProgrammeFile>("/api/programmes/" + SeedFile.PtcSlug, ProgrammeJson.Options);
        return file!.Activities.Single(a => a.Section == section && a.Number == number).Id!.Value;
    }

    private static async Task<(ActivityDto Activity, string ETag)> GetAsync(HttpClient client, Guid id)
    {
        var response = await client.GetAsync($"/api/programmes/{SeedFile.PtcSlug}/activities/{id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return ((await response.Content.ReadFromJsonAsync<ActivityDto>(ProgrammeJson.Options))!, response.Headers.ETag!.ToString());
    }

    private static Task<HttpResponseMessage> PutAsync(HttpClient client, Guid id, ActivityDto activity, string? etag)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/programmes/{SeedFile.PtcSlug}/activities/{id}")
        {
            Content = JsonContent.Create(activity, options: ProgrammeJson.Options),
        };
        if (etag is not null)
        {
            request.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(etag));
        }

        return client.SendAsync(request);
    }

    [Fact]
    public async Task The_api_gives_an_etag_and_a_put_with_it_saves_and_moves_it_on()
    {
        var id = await ActivityIdAsync("time-bound", 5);
        var script = await app.ApiClientAsync(Roles.Editor, "CTP");
        var (activity, etag) = await GetAsync(app.ClientIn(null), id);

        var response = await PutAsync(script, id, activity with { Priority = "C" }, etag);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEqual(etag, response.Headers.ETag!.ToString());
        Assert.Equal("C", (await GetAsync(app.ClientIn(null), id)).Activity.Priority);
    }

    [Fact]
    public async Task Two_scripts_race_the_second_gets_412_with_the_current_activity_and_a_missing_if_match_gets_428()
    {
        var id = await ActivityIdAsync("time-bound", 6);
        var first = await app.ApiClientAsync(Roles.Editor, "CTP");
        var second = await app.ApiClientAsync(Roles.Admin, null);
        var (activity, etag) = await GetAsync(first, id);

        Assert.Equal(HttpStatusCode.OK, (await PutAsync(first, id, activity with { Priority = "C" }, etag)).StatusCode);
        var stale = await PutAsync(second, id, activity with { Priority = "A" }, etag);
        var missing = await PutAsync(second, id, activity with { Priority = "A" }, null);

        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        using var problem = JsonDocument.Parse(await stale.Content.ReadAsStringAsync());
        Assert.Equal("C", problem.RootElement.GetProperty("current").GetProperty("priority").GetString());
        Assert.Equal((int)HttpStatusCode.PreconditionRequired, (int)missing.StatusCode);
        Assert.Equal("C", (await GetAsync(first, id)).Activity.Priority);
    }

    [Fact]
    public async Task Anonymous_and_members_cannot_write_and_a_bad_body_is_a_validation_problem()
    {
        var id = await ActivityIdAsync("time-bound", 7);
        var (activity, etag) = await GetAsync(app.ClientIn(null), id);
        var member = await app.ApiClientAsync(Roles.Member, "CTP");
        var editor = await app.ApiClientAsync(Roles.Editor, "CTP");

        Assert.Equal(HttpStatusCode.Unauthorized, (await PutAsync(app.ClientIn(null), id, activity, etag)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PutAsync(member, id, activity, etag)).StatusCode);
        var invalid = await PutAsync(editor, id, activity with { TaskType = "gardening" }, etag);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Contains("gardening", await invalid.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_signed_in_browser_must_send_the_antiforgery_token_with_a_put()
    {
        var id = await ActivityIdAsync("time-bound", 8);
        var browser = await app.SignedInClientAsync(Roles.Editor, "CTP");
        var (activity, etag) = await GetAsync(browser, id);

        Assert.Equal(HttpStatusCode.BadRequest, (await PutAsync(browser, id, activity, etag)).StatusCode);
    }

    [Fact]
    public async Task A_non_boolean_link_references_value_on_a_stale_form_shows_the_conflict_not_a_500()
    {
        // Found by wapiti (docs/reliability.md, T10): the checkbox was redrawn from the value posted, which is not a boolean.
        var id = await ActivityIdAsync("time-bound", 10);
        var url = $"/programmes/{SeedFile.PtcSlug}/activities/{id}/edit";
        var editor = await app.SignedInClientAsync(Roles.Editor, "CTP");
        var form = await FormAsync(editor, url);
        Set(form, "LinkReferences", "true¿'\"(");
        Set(form, "RowVersion", "999999");

        var response = await editor.PostAsync(url, new FormUrlEncodedContent(form));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.False(page.QuerySelector("input[name=LinkReferences]")!.HasAttribute("checked"));
    }

    [Fact]
    public async Task Two_editors_in_the_browser_race_and_the_second_sees_the_first_ones_change_with_their_input_kept()
    {
        var id = await ActivityIdAsync("time-bound", 9);
        var url = $"/programmes/{SeedFile.PtcSlug}/activities/{id}/edit";
        var alice = await app.SignedInClientAsync(Roles.Editor, "CTP");
        var bob = await app.SignedInClientAsync(Roles.Editor, null);
        var aliceForm = await FormAsync(alice, url);
        var bobForm = await FormAsync(bob, url);

        var before = (await GetAsync(app.ClientIn(null), id)).Activity;
        Set(aliceForm, "Form.TitleEn", "Develop specific IT utility blocks");
        var saved = await alice.PostAsync(url, new FormUrlEncodedContent(aliceForm));
        Set(bobForm, "Form.TitleEn", "Develop dedicated utility blocks");
        var conflict = await bob.PostAsync(url, new FormUrlEncodedContent(bobForm));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(HttpStatusCode.OK, conflict.StatusCode);
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await conflict.Content.ReadAsStringAsync());
        Assert.Contains("Someone saved this activity while you were editing it.", page.QuerySelector("#conflict").Text(), StringComparison.Ordinal);
        Assert.Contains("Develop specific IT utility blocks", page.QuerySelector("#conflict").Text(), StringComparison.Ordinal);
        Assert.Equal("Develop dedicated utility blocks", page.QuerySelector("textarea[name='Form.TitleEn']")!.TextContent.Trim());
        var after = (await GetAsync(app.ClientIn(null), id)).Activity;
        Assert.Equal("Develop specific IT utility blocks", after.Title!.En);
        Assert.Equal(before.StrategicPlan, after.StrategicPlan);
        Assert.Equal(before.Bodies, after.Bodies);
        Assert.Equal(before.Deadline!.Milestones.Count, after.Deadline!.Milestones.Count);
    }

    [Fact]
    public async Task An_editor_moves_an_activity_to_another_number_and_a_bad_number_is_explained_in_french()
    {
        var id = await ActivityIdAsync("permanent", 30);
        var url = $"/programmes/{SeedFile.PtcSlug}/activities/{id}/edit";
        var editor = await app.SignedInClientAsync(Roles.Editor, "CTP", acceptLanguage: "fr");
        var page = await editor.GetPageAsync(url);
        var rowVersion = page.QuerySelector("form.move-form input[name=RowVersion]")!.GetAttribute("value")!;
        Assert.Equal("30", page.QuerySelector("form.move-form input[name=MoveTo]")!.GetAttribute("value"));

        var refused = await editor.PostFormAsync(url, url + "?handler=Move", new Dictionary<string, string> { ["RowVersion"] = rowVersion, ["MoveTo"] = "0" });
        var moved = await editor.PostFormAsync(url, url + "?handler=Move", new Dictionary<string, string> { ["RowVersion"] = rowVersion, ["MoveTo"] = "2" });

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Le numéro doit être entre 1 et", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        Assert.Equal(2, (await GetAsync(app.ClientIn(null), id)).Activity.Number);
        Assert.Equal(id, await ActivityIdAsync("permanent", 2));
    }

    [Fact]
    public async Task An_editor_creates_an_activity_through_the_form_and_lands_on_its_page()
    {
        var editor = await app.SignedInClientAsync(Roles.Editor, "CTP");
        var url = $"/programmes/{SeedFile.PtcSlug}/activities/new";
        var form = await FormAsync(editor, url);
        Set(form, "Section", "time-bound");
        Set(form, "Form.Priority", "B");
        Set(form, "Form.TaskType", "development");
        Set(form, "Form.TitleFr", "Élaborer un guide sur les données des passagers");
        Set(form, "Form.TitleEn", "Develop a guide on passenger data");
        Set(form, "Form.DeadlineFr", "Printemps 2026 (CTP) / Juin 2026 (Conseil)");
        form.Add(KeyValuePair.Create("Form.PlanCodes", "PS1"));

        var created = await editor.PostAsync(url, new FormUrlEncodedContent(form));

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var page = await app.ClientIn("en").GetPageAsync(created.Headers.Location!.OriginalString);
        Assert.Contains("No. 43", page.QuerySelector(".eyebrow").Text(), StringComparison.Ordinal);
        Assert.Contains("Spring 2026 (PTC)", page.QuerySelector(".milestones").Text(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("fr", 11)]
    [InlineData("en", 12)]
    public async Task On_a_conflict_the_fields_left_untouched_take_the_other_editors_values_and_saving_the_form_as_shown_keeps_both_changes(
        string language, int number)
    {
        var id = await ActivityIdAsync("time-bound", number);
        var url = $"/programmes/{SeedFile.PtcSlug}/activities/{id}/edit";
        var a = await app.SignedInClientAsync(Roles.Editor, "CTP", acceptLanguage: language);
        var b = await app.SignedInClientAsync(Roles.Editor, null, acceptLanguage: language);
        var aForm = await FormAsync(a, url);
        var bPage = await b.GetPageAsync(url);
        var bForm = FormOf(bPage);
        var before = (await GetAsync(app.ClientIn(null), id)).Activity;
        var planAddedByB = bPage.QuerySelectorAll("input[name='Form.PlanCodes']").First(i => !i.HasAttribute("checked")).GetAttribute("value")!;
        var run = Guid.NewGuid().ToString("N")[..8];
        var kpiByB = $"Indicateur revu par B {run}";
        var titleByA = $"Titre revu par A {run}";

        Set(bForm, "Form.KpiFr", kpiByB);
        bForm.Add(KeyValuePair.Create("Form.PlanCodes", planAddedByB));
        Assert.Equal(HttpStatusCode.Redirect, (await b.PostAsync(url, new FormUrlEncodedContent(bForm))).StatusCode);
        Set(aForm, "Form.TitleFr", titleByA);
        var conflict = await a.PostAsync(url, new FormUrlEncodedContent(aForm));

        Assert.Equal(HttpStatusCode.OK, conflict.StatusCode);
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await conflict.Content.ReadAsStringAsync());
        Assert.NotNull(page.QuerySelector("#conflict"));
        Assert.Equal(titleByA, page.QuerySelector("textarea[name='Form.TitleFr']")!.TextContent.Trim());
        Assert.Equal(kpiByB, page.QuerySelector("textarea[name='Form.KpiFr']")!.TextContent.Trim());
        Assert.True(page.QuerySelector($"input[name='Form.PlanCodes'][value='{planAddedByB}']")!.HasAttribute("checked"));
        // Neither field was changed by both: nothing is listed as a clash, nothing is marked.
        Assert.Empty(page.QuerySelectorAll("#conflict dt"));
        Assert.Empty(page.QuerySelectorAll(".field--conflict"));
        var taken = page.QuerySelector("#conflict-taken").Text();
        Assert.Equal(language == "fr"
                ? "Mis à jour selon sa version, car vous ne les aviez pas modifiés : Plan stratégique de l’OMD, Indicateurs de performance clés (FR)"
                : "Updated to their version, as you had not changed them: WCO Strategic Plan, Key performance indicators (FR)",
            taken);
        Assert.Contains(language == "fr" ? "Vous n’avez modifié aucun des champs que l’autre personne a modifiés" : "You changed none of the fields the other person changed",
            page.QuerySelector("#conflict").Text(), StringComparison.Ordinal);

        var saved = await a.PostAsync(url, new FormUrlEncodedContent(FormOf(page)));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var after = (await GetAsync(app.ClientIn(null), id)).Activity;
        Assert.Equal(titleByA, after.Title!.Fr);
        Assert.Equal(kpiByB, after.Kpi!.Fr);
        Assert.Equal(before.StrategicPlan.Append(planAddedByB).Order(StringComparer.Ordinal), after.StrategicPlan.Order(StringComparer.Ordinal));
        Assert.Equal(before.Title!.En, after.Title.En);
        Assert.Equal(before.Kpi!.En, after.Kpi.En);
        Assert.Equal(before.Bodies, after.Bodies);
    }

    [Theory]
    [InlineData("fr", 13)]
    [InlineData("en", 14)]
    public async Task A_field_both_editors_changed_differently_is_listed_with_the_other_value_marked_and_keeps_the_users_value(string language, int number)
    {
        var id = await ActivityIdAsync("time-bound", number);
        var url = $"/programmes/{SeedFile.PtcSlug}/activities/{id}/edit";
        var a = await app.SignedInClientAsync(Roles.Editor, "CTP", acceptLanguage: language);
        var b = await app.SignedInClientAsync(Roles.Editor, null, acceptLanguage: language);
        var aForm = await FormAsync(a, url);
        var bForm = await FormAsync(b, url);
        var run = Guid.NewGuid().ToString("N")[..8];

        Set(bForm, "Form.KpiEn", $"Indicators as B put them {run}");
        Assert.Equal(HttpStatusCode.Redirect, (await b.PostAsync(url, new FormUrlEncodedContent(bForm))).StatusCode);
        Set(aForm, "Form.KpiEn", $"Indicators as A put them {run}");
        var conflict = await a.PostAsync(url, new FormUrlEncodedContent(aForm));

        Assert.Equal(HttpStatusCode.OK, conflict.StatusCode);
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await conflict.Content.ReadAsStringAsync());
        var listed = page.QuerySelectorAll("#conflict dl > div").Select(d => (Field: d.QuerySelector("dt").Text(), Theirs: d.QuerySelector("dd").Text())).ToList();
        Assert.Equal(
            [(language == "fr" ? "Indicateurs de performance clés (EN)" : "Key performance indicators (EN)",
                $"{(language == "fr" ? "Sa version :" : "Their version:")} Indicators as B put them {run}")],
            listed);
        var mine = page.QuerySelector("textarea[name='Form.KpiEn']")!;
        Assert.Equal($"Indicators as A put them {run}", mine.TextContent.Trim());
        Assert.Contains("field--conflict", mine.ParentElement!.ClassList);
        Assert.Single(page.QuerySelectorAll(".field--conflict"));
        Assert.Null(page.QuerySelector("#conflict-taken"));

        Assert.Equal(HttpStatusCode.Redirect, (await a.PostAsync(url, new FormUrlEncodedContent(FormOf(page)))).StatusCode);
        Assert.Equal($"Indicators as A put them {run}", (await GetAsync(app.ClientIn(null), id)).Activity.Kpi!.En);
    }

    [Fact]
    public async Task A_field_both_editors_changed_to_the_same_value_is_no_conflict()
    {
        var id = await ActivityIdAsync("time-bound", 15);
        var url = $"/programmes/{SeedFile.PtcSlug}/activities/{id}/edit";
        var a = await app.SignedInClientAsync(Roles.Editor, "CTP");
        var b = await app.SignedInClientAsync(Roles.Editor, null);
        var aForm = await FormAsync(a, url);
        var bForm = await FormAsync(b, url);
        var run = Guid.NewGuid().ToString("N")[..8];

        Set(bForm, "Form.ResourcesEn", $"Two officers {run}");
        Assert.Equal(HttpStatusCode.Redirect, (await b.PostAsync(url, new FormUrlEncodedContent(bForm))).StatusCode);
        // Trailing blanks, which the save trims away, make no difference.
        Set(aForm, "Form.ResourcesEn", $"Two officers {run}  ");
        Set(aForm, "Form.TitleEn", $"A title by A {run}");
        var conflict = await a.PostAsync(url, new FormUrlEncodedContent(aForm));

        Assert.Equal(HttpStatusCode.OK, conflict.StatusCode);
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await conflict.Content.ReadAsStringAsync());
        Assert.NotNull(page.QuerySelector("#conflict"));
        Assert.Empty(page.QuerySelectorAll("#conflict dt"));
        Assert.DoesNotContain("Resources", page.QuerySelector("#conflict").Text(), StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll(".field--conflict"));
        Assert.Equal($"A title by A {run}", page.QuerySelector("textarea[name='Form.TitleEn']")!.TextContent.Trim());
    }

    [Fact]
    public async Task The_edit_form_shows_a_reference_as_section_and_number_and_saving_it_as_shown_keeps_the_reference()
    {
        var target = await ActivityIdAsync("permanent", 2);
        var id = await ActivityIdAsync("permanent", 7);
        var script = await app.ApiClientAsync(Roles.Editor, "CTP");
        var (activity, etag) = await GetAsync(script, id);
        // The API takes the label too, as the form writes it.
        var put = await PutAsync(script, id, activity with { Kpi = new TextPair("Voir l’activité [[II.2]].", "See activity [[II.2]].") }, etag);
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var stored = (await GetAsync(script, id)).Activity.Kpi!;
        Assert.Equal($"See activity {ActivityReferences.Token(target)}.", stored.En);

        var url = $"/programmes/{SeedFile.PtcSlug}/activities/{id}/edit";
        var editor = await app.SignedInClientAsync(Roles.Editor, "CTP", "fr");
        var page = await editor.GetPageAsync(url);
        Assert.Equal("Voir l’activité [[II.2]].", page.QuerySelector("textarea[name='Form.KpiFr']")!.TextContent.Trim());
        Assert.Equal($"II.2={target:D}", page.QuerySelector("input[name=ShownReferences]")!.GetAttribute("value"));
        Assert.DoesNotContain("[[activity:", page.QuerySelector("form.form")!.InnerHtml, StringComparison.Ordinal);

        var form = FormOf(page);
        Set(form, "Form.TitleEn", form.Single(f => f.Key == "Form.TitleEn").Value + " (edited)");
        var response = await editor.PostAsync(url, new FormUrlEncodedContent(form));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal((stored.Fr, stored.En), ((await GetAsync(script, id)).Activity.Kpi!.Fr, (await GetAsync(script, id)).Activity.Kpi!.En));
    }

    /// <summary>The form as a browser would submit it: hidden fields, ticked boxes (repeated names), selects, text areas.</summary>
    private static async Task<List<KeyValuePair<string, string>>> FormAsync(HttpClient client, string url) =>
        FormOf(await client.GetPageAsync(url));

    private static List<KeyValuePair<string, string>> FormOf(AngleSharp.Html.Dom.IHtmlDocument page)
    {
        var form = page.QuerySelector("form.form")!;
        var fields = form.QuerySelectorAll("input[type=hidden], input[type=checkbox]:checked")
            .Select(i => KeyValuePair.Create(i.GetAttribute("name")!, i.GetAttribute("value") ?? ""))
            .Concat(form.QuerySelectorAll("select").Select(s =>
                KeyValuePair.Create(s.GetAttribute("name")!, s.QuerySelector("option[selected]")?.GetAttribute("value") ?? "")))
            .Concat(form.QuerySelectorAll("textarea").Select(t => KeyValuePair.Create(t.GetAttribute("name")!, t.TextContent.Trim())))
            .Select(f => KeyValuePair.Create(f.Key, BrowserLineBreaks(f.Value)))
            .ToList();
        return fields;
    }

    /// <summary>Browsers post every line break in a form as CRLF, whatever the page held.</summary>
    private static string BrowserLineBreaks(string value) =>
        value.Replace("\r\n", "\n", StringComparison.Ordinal).Replace("\n", "\r\n", StringComparison.Ordinal);

    private static void Set(List<KeyValuePair<string, string>> fields, string name, string value)
    {
        fields.RemoveAll(f => f.Key == name);
        fields.Add(KeyValuePair.Create(name, value));
    }
}
