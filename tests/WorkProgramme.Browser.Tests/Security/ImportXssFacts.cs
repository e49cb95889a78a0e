using System.Net;
using System.Net.Http.Json;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.Playwright;
using WorkProgramme.Application.Features.Interchange;
using WorkProgramme.Application.Features.OfficeTables;
using WorkProgramme.Application.Identity;
using WorkProgramme.Browser.Tests.Pages;
using WorkProgramme.Documents.Tables;
using WorkProgramme.Testing;
using Xunit.Abstractions;
using S = DocumentFormat.OpenXml.Spreadsheet;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace WorkProgramme.Browser.Tests.Security;

/// <summary>
/// The payloads of <see cref="XssProbe"/> arriving through files rather than forms. The app has one upload surface, the
/// programme import page, which takes Excel workbooks and Word documents (the JSON programme file and the database
/// archive are imported by the command line only). File names: every payload as the name of an accepted workbook and of
/// an accepted document, plus quotes, path traversal, a long name, a right-to-left override and refused extensions, sent
/// as chromium sends them (it escapes <c>"</c>) and, to reach the server unaltered, as <c>filename*</c> by a plain HTTP
/// client whose answer chromium then renders. Contents: a workbook exported by the app and a Word annex exported by
/// the app, with the payloads in the cells the import reads (title, resources, key performance indicators, deadline),
/// previewed, applied, then every page that shows them opened by the public, an editor and an admin; and files whose
/// refused cells (priority, link, task type, body, id, sheet name) come back in the problem list. Executions must stay at
/// zero, the payloads must show as text, and the exports must hold them literally. Figures: docs/reliability.md.
/// </summary>
public sealed class ImportXssFacts(BrowserApp app, ITestOutputHelper output) : IClassFixture<BrowserApp>
{
    private const string Slug = SeedFile.PtcSlug;
    private const string Body = "CTP";
    private const string ImportPath = $"/programmes/{Slug}/import";
    private const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    // Excel rows hold the time-bound activities 1 to 16, the Word annex 17 to 32: each payload once per column and file.
    private const int FirstWordNumber = 17;

    private static string[] Payloads => XssProbe.Payloads;

    /// <summary>A file to upload under <see cref="Name"/>; previewed when <see cref="Refusal"/> is null, else refused with it.</summary>
    private sealed record Upload(string Name, byte[] Content, string? Refusal = null);

    [Fact]
    public async Task Hostile_file_names_run_no_script_on_the_import_pages_and_show_as_text()
    {
        var editor = await app.UserAsync(Roles.Editor, Body);
        var admin = await app.UserAsync(Roles.Admin);
        using var anonymous = new HttpClient { BaseAddress = app.BaseUrl };
        var xlsx = await anonymous.GetByteArrayAsync($"/programmes/{Slug}/export.xlsx?lang=fr");
        var docx = await anonymous.GetByteArrayAsync($"/programmes/{Slug}/export.docx?lang=fr");

        var uploads = new List<Upload>();
        foreach (var payload in Payloads)
        {
            uploads.Add(new($"{payload}.xlsx", xlsx));
            uploads.Add(new($"{payload}.docx", docx));
        }

        const string OnlyOffice = "Seuls les classeurs Excel (.xlsx) et les documents Word (.docx) sont acceptés.";
        const string TooLong = "Le nom du fichier est trop long (au plus 255 caractères)";
        uploads.AddRange(
        [
            new("it's a \"quoted\" 'name' & <b>bold</b>.xlsx", xlsx),
            new(@"..\..\..\<svg onload=__xss('backslash-traversal')>.docx", docx),
            new("../../../etc/<img src=x onerror=__xss('slash-traversal')>.xlsx", xlsx),
            // As long as a disk allows (255 characters), then longer: refused in words, past 16 KB of headers too.
            new(string.Concat(Enumerable.Repeat("<img src=x onerror=__xss('long')>", 8))[..250] + ".xlsx", xlsx),
            new(string.Concat(Enumerable.Repeat("<img src=x onerror=__xss('long')>", 60)) + ".xlsx", xlsx, TooLong),
            new("<img src=x onerror=__xss('rtl')>\u202Excslx.docx", docx),
            new($"{Payloads[1]}.json", "{}"u8.ToArray(), OnlyOffice),
            new(@"..\..\programme.json", "{}"u8.ToArray(), OnlyOffice),
            new($"{Payloads[3]}.txt", "x"u8.ToArray(), OnlyOffice),
            new("<svg onload=__xss('no-extension')>", xlsx, OnlyOffice),
            // An accepted name on a file that is not what it says: the reader's refusal, not a preview.
            new($"{Payloads[2]}.xlsx", docx, "fichier : "),
            new(string.Concat(Enumerable.Repeat("<svg onload=__xss('huge')>", 800)) + ".xlsx", xlsx, TooLong),
        ]);

        var probe = new XssProbe();
        var page = await probe.PageAsync(app, "editor");
        await (await SignInPage.OpenAsync(page, RoundUi.Fr)).SignInAsync(editor.Email, editor.Password);
        var failures = new List<string>();
        var visited = 0;

        // As a user would: the file chosen in the browser, which sends its name as chromium encodes it.
        foreach (var upload in uploads)
        {
            var (status, scanned) = await PreviewAsync(page, upload.Name, upload.Content);
            visited++;
            var shown = Path.GetFileName(upload.Name.Replace("\"", "%22", StringComparison.Ordinal));
            Check(failures, $"browser '{upload.Name}'", status, scanned, upload.Refusal ?? $"« {shown} »", upload.Refusal is not null);
        }

        // As a hostile client would: the exact name, in filename*, and chromium renders the answer with its headers.
        await page.GotoAsync(ImportPath);
        var token = await page.Locator("form[enctype='multipart/form-data'] input[name=__RequestVerificationToken]").InputValueAsync();
        var cookies = string.Join("; ", (await page.Context.CookiesAsync()).Select(c => $"{c.Name}={c.Value}"));
        using var client = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = app.BaseUrl };
        client.DefaultRequestHeaders.Add("Cookie", cookies);
        var raw = 0;
        foreach (var upload in uploads)
        {
            using var response = await PostRawAsync(client, token, upload.Name, upload.Content);
            var path = $"{ImportPath}?raw={raw++}";
            var (status, scanned) = await RenderAsync(page, path, response);
            visited++;
            Check(failures, $"raw '{upload.Name}'", status, scanned, upload.Refusal ?? $"« {Path.GetFileName(upload.Name)} »", upload.Refusal is not null);
        }

        // A hostile name on an import that is applied, then the pages that could show it later.
        var changed = OfficeFiles.EditSheet(xlsx, 0, new Dictionary<string, string?> { ["B2"] = "C" });
        var appliedName = "\"><img src=x onerror=__xss('applied')>.xlsx";
        var (previewStatus, preview) = await PreviewAsync(page, appliedName, changed);
        var (appliedStatus, applied) = await ApplyAsync(page);
        visited += 2;
        Check(failures, "preview before apply", previewStatus, preview, "%22><img src=x onerror=__xss('applied')>.xlsx");
        Check(failures, "applied", appliedStatus, applied, "1 modifiée");
        await page.Context.CloseAsync();

        var adminPage = await probe.PageAsync(app, "admin");
        await (await SignInPage.OpenAsync(adminPage, RoundUi.Fr)).SignInAsync(admin.Email, admin.Password);
        foreach (var path in new[] { "/admin/audit", $"/programmes/{Slug}", $"/programmes/{Slug}/versions", $"/programmes/{Slug}/compare?from=2023-10&to=2024-04" })
        {
            var response = await adminPage.GotoAsync(path);
            visited++;
            Check(failures, $"admin {path}", response?.Status ?? 0, await XssProbe.ScanAsync(adminPage), null);
        }

        await adminPage.Context.CloseAsync();

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        probe.AssertNothingRan();
        output.WriteLine($"file names={uploads.Count} ({uploads.Count(u => u.Refusal is null)} previewed, {uploads.Count(u => u.Refusal is not null)} refused), " +
            $"each sent by chromium and raw (filename*); upload surfaces=1 page (xlsx, docx); pages visited={visited} " +
            $"html responses={probe.HtmlResponses} with CSP={probe.WithCsp} executions={probe.Executed.Count} dialogs={probe.Dialogs.Count}");
    }

    [Fact]
    public async Task Payloads_in_imported_cells_run_no_script_on_any_page_and_come_back_literally_in_the_exports()
    {
        var editor = await app.UserAsync(Roles.Editor, Body);
        var admin = await app.UserAsync(Roles.Admin);
        using var anonymous = new HttpClient { BaseAddress = app.BaseUrl };
        var probe = new XssProbe();
        var failures = new List<string>();
        var visited = 0;
        var ids = (await anonymous.GetFromJsonAsync<ProgrammeFile>($"/api/programmes/{Slug}", ProgrammeJson.Options))!.Activities
            .Where(a => a.Section == "time-bound" && a.Number is not null).ToDictionary(a => a.Number!.Value, a => a.Id!.Value);

        // Excel, in French: the app's own export with payloads in every text cell the import reads.
        var xlsx = await anonymous.GetByteArrayAsync($"/programmes/{Slug}/export.xlsx?lang=fr");
        var cells = new Dictionary<string, string?>();
        for (var i = 0; i < Payloads.Length; i++)
        {
            var row = i + 2;
            Assert.Equal((i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), OfficeFiles.CellText(xlsx, 0, $"A{row}"));
            cells[$"D{row}"] = Marked("xlsx-title", i);
            cells[$"H{row}"] = Marked("xlsx-resources", i);
            cells[$"I{row}"] = Marked("xlsx-kpi", i);
            cells[$"J{row}"] = Marked("xlsx-deadline", i);
        }

        var editorFr = await probe.PageAsync(app, "editor");
        await (await SignInPage.OpenAsync(editorFr, RoundUi.Fr)).SignInAsync(editor.Email, editor.Password);
        var (status, scanned) = await PreviewAsync(editorFr, "programme.xlsx", OfficeFiles.EditSheet(xlsx, 0, cells));
        Check(failures, "xlsx preview", status, scanned, "0 ajoutée, 16 modifiées");
        Assert.All(Enumerable.Range(0, Payloads.Length), i => Assert.Contains(Marked("xlsx-title", i), scanned.Text, StringComparison.Ordinal));
        (status, scanned) = await ApplyAsync(editorFr);
        Check(failures, "xlsx applied", status, scanned, null);
        visited += 2;

        // Word, in English: the app's own annex, downloaded after the Excel import, with payloads in the same cells.
        var docx = await anonymous.GetByteArrayAsync($"/programmes/{Slug}/export.docx?lang=en");
        var texts = new Dictionary<(int Number, TableColumn Column), string>();
        for (var i = 0; i < Payloads.Length; i++)
        {
            texts[(FirstWordNumber + i, TableColumn.Activity)] = Marked("docx-title", i);
            texts[(FirstWordNumber + i, TableColumn.Resources)] = Marked("docx-resources", i);
            texts[(FirstWordNumber + i, TableColumn.Kpi)] = Marked("docx-kpi", i);
            texts[(FirstWordNumber + i, TableColumn.Deadline)] = Marked("docx-deadline", i);
        }

        var editorEn = await probe.PageAsync(app, "editor-en", "en-GB");
        await (await SignInPage.OpenAsync(editorEn, RoundUi.En)).SignInAsync(editor.Email, editor.Password);
        (status, scanned) = await PreviewAsync(editorEn, "annex.docx", EditAnnex(docx, texts));
        Check(failures, "docx preview", status, scanned, "0 added, 16 changed");
        Assert.All(Enumerable.Range(0, Payloads.Length), i => Assert.Contains(Marked("docx-title", i), scanned.Text, StringComparison.Ordinal));
        (status, scanned) = await ApplyAsync(editorEn);
        Check(failures, "docx applied", status, scanned, null);
        visited += 2;

        // Refused files: the cells that are not free text come back in the problems, as text.
        var refusedCells = new Dictionary<string, string?>();
        for (var i = 0; i < Payloads.Length; i++)
        {
            var row = i + 2;
            refusedCells[$"B{row}"] = Payloads[i];
            refusedCells[$"C{row}"] = Payloads[(i + 1) % Payloads.Length];
            refusedCells[$"F{row}"] = Payloads[(i + 2) % Payloads.Length];
            refusedCells[$"G{row}"] = Payloads[(i + 3) % Payloads.Length];
            refusedCells[$"M{row}"] = Payloads[(i + 4) % Payloads.Length];
        }

        var refusedWorkbook = RenameFirstSheet(OfficeFiles.EditSheet(xlsx, 0, refusedCells), Payloads[4]);
        (status, scanned) = await PreviewAsync(editorFr, "refused.xlsx", refusedWorkbook);
        Check(failures, "xlsx refused", status, scanned, $"{Payloads[4]} › ligne 2 › Niveau de priorité : « {Payloads[0]} » : attendu A, B ou C", refused: true);
        var refusedTexts = Enumerable.Range(0, Payloads.Length).ToDictionary(i => (FirstWordNumber + i, TableColumn.Body), i => Payloads[i]);
        (status, scanned) = await PreviewAsync(editorEn, "refused.docx", EditAnnex(docx, refusedTexts));
        Check(failures, "docx refused", status, scanned, $"unknown body '{Payloads[0]}'", refused: true);
        visited += 2;
        await editorFr.Context.CloseAsync();
        await editorEn.Context.CloseAsync();

        // Every page that shows the imported texts, as the public, an editor and an admin.
        var xlsxTargets = Enumerable.Range(1, 4).Select(n => ids[n]).ToList();
        var docxTargets = Enumerable.Range(FirstWordNumber, 4).Select(n => ids[n]).ToList();
        string[] publicPages =
        [
            "/", $"/programmes/{Slug}", $"/programmes/{Slug}?culture=en", $"/programmes/{Slug}/checks", $"/programmes/{Slug}/checks?culture=en",
            $"/programmes/{Slug}/compare?from=2023-10&to=2024-04", $"/programmes/{Slug}/compare?from=2023-10&to=2024-04&lang=en",
            $"/programmes/{Slug}/dashboard", $"/programmes/{Slug}/versions",
            .. xlsxTargets.Select(id => $"/programmes/{Slug}/activities/{id}"),
            .. docxTargets.Select(id => $"/programmes/{Slug}/activities/{id}?culture=en"),
        ];
        string[] editorPages =
        [
            $"/programmes/{Slug}/workload", ImportPath, "/my-reports",
            .. xlsxTargets.Take(2).Concat(docxTargets.Take(2)).Select(id => $"/programmes/{Slug}/activities/{id}/edit"),
        ];
        // The trail's newest page, and each file's first activity's entries (the import writes more than a page).
        string[] adminPages = ["/admin/audit", $"/admin/audit?entity={xlsxTargets[0]}", $"/admin/audit?entity={docxTargets[0]}&culture=en"];
        var roles = new (string Name, (string Email, string Password)? User, string[] Pages)[]
        {
            ("public", null, publicPages),
            ("editor", editor, [.. publicPages, .. editorPages]),
            ("admin", admin, [.. publicPages, .. editorPages, .. adminPages]),
        };
        var seen = await probe.VisitAsync(app, roles.Select(r => new XssProbe.Visit(r.Name, r.User?.Email, r.User?.Password, r.Pages)),
            (name, path, status, scanned) =>
            {
                visited++;
                Check(failures, $"{name} {path}", status, scanned, null);
            });

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        probe.AssertNothingRan();

        // The payloads reached the database and the pages, as text.
        var xlsxActivity = $"/programmes/{Slug}/activities/{xlsxTargets[0]}";
        var docxActivity = $"/programmes/{Slug}/activities/{docxTargets[0]}?culture=en";
        Assert.Multiple(
            () => Assert.Contains(Marked("xlsx-title", 0), seen[("public", $"/programmes/{Slug}")], StringComparison.Ordinal),
            () => Assert.Contains(Marked("docx-title", 0), seen[("public", $"/programmes/{Slug}?culture=en")], StringComparison.Ordinal),
            () => Assert.Contains(Marked("xlsx-kpi", 0), seen[("public", xlsxActivity)], StringComparison.Ordinal),
            () => Assert.Contains(Marked("xlsx-resources", 0), seen[("public", xlsxActivity)], StringComparison.Ordinal),
            () => Assert.Contains(Marked("xlsx-deadline", 0), seen[("public", xlsxActivity)], StringComparison.Ordinal),
            () => Assert.Contains(Marked("docx-kpi", 0), seen[("public", docxActivity)], StringComparison.Ordinal),
            () => Assert.Contains(Marked("docx-deadline", 0), seen[("public", docxActivity)], StringComparison.Ordinal),
            () => Assert.Contains(Marked("xlsx-title", 1), seen[("public", $"/programmes/{Slug}/compare?from=2023-10&to=2024-04")], StringComparison.Ordinal),
            () => Assert.Contains(Marked("xlsx-title", 0), seen[("admin", $"/admin/audit?entity={xlsxTargets[0]}")], StringComparison.Ordinal),
            () => Assert.Contains(Marked("docx-kpi", 0), seen[("admin", $"/admin/audit?entity={docxTargets[0]}&culture=en")], StringComparison.Ordinal));

        // Exports: the same characters, as text, in Excel, Word and PDF.
        var sheetTexts = new Downloaded("fr.xlsx", await anonymous.GetByteArrayAsync($"/programmes/{Slug}/export.xlsx?lang=fr")).SheetTexts().Values.SelectMany(t => t).ToList();
        var wordText = new Downloaded("en.docx", await anonymous.GetByteArrayAsync($"/programmes/{Slug}/export.docx?lang=en")).WordText();
        var pdfText = Squeezed(string.Concat(new Downloaded("en.pdf", await anonymous.GetByteArrayAsync($"/programmes/{Slug}/export.pdf?lang=en")).PdfBlocks().Blocks));
        for (var i = 0; i < Payloads.Length; i++)
        {
            Assert.Contains(Marked("xlsx-title", i), sheetTexts);
            Assert.Contains(Marked("xlsx-kpi", i), sheetTexts);
            Assert.Contains(Marked("xlsx-resources", i), sheetTexts);
            Assert.Contains(Marked("docx-title", i), wordText, StringComparison.Ordinal);
            Assert.Contains(Marked("docx-kpi", i), wordText, StringComparison.Ordinal);

            // The PDF wraps lines inside cells and its text blocks do not always keep a cell whole: every word of the
            // title is there, as written (no entity, nothing dropped).
            Assert.Contains($"docx-title-{i}", pdfText, StringComparison.Ordinal);
            Assert.All(Payloads[i].Split(' ', StringSplitOptions.RemoveEmptyEntries), word => Assert.Contains(Squeezed(word), pdfText, StringComparison.Ordinal));
        }

        Assert.DoesNotContain("&lt;", pdfText, StringComparison.Ordinal);
        Assert.DoesNotContain("&quot;", pdfText, StringComparison.Ordinal);

        output.WriteLine($"payloads={Payloads.Length} cells: xlsx {cells.Count} (title, resources, kpi, deadline; fr), docx {texts.Count} (the same; en), " +
            $"refused cells {refusedCells.Count + refusedTexts.Count} and a sheet name; roles={roles.Length} pages visited={visited} " +
            $"html responses={probe.HtmlResponses} with CSP={probe.WithCsp} executions={probe.Executed.Count} dialogs={probe.Dialogs.Count}");
    }

    /// <summary>Payload <paramref name="i"/> behind a label that says which cell holds it.</summary>
    private static string Marked(string field, int i) => $"{field}-{i} {Payloads[i]}";

    // A PDF's text blocks break lines where the layout does: compare without any whitespace.
    private static string Squeezed(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    private static void Check(List<string> failures, string what, int status, XssProbe.Scanned scanned, string? expected, bool refused = false)
    {
        // A refused file is answered with the page and 422 (issue 16).
        if (status != (int)(refused ? HttpStatusCode.UnprocessableEntity : HttpStatusCode.OK) || scanned.Handlers > 0 || scanned.Violations > 0
            || (expected is not null && !scanned.Text.Contains(expected, StringComparison.Ordinal)))
        {
            failures.Add($"{what}: status {status}, {scanned.Handlers} handler(s) or inline script(s), {scanned.Violations} CSP violation(s)" +
                (expected is null ? "" : $", expected text '{expected}' {(scanned.Text.Contains(expected, StringComparison.Ordinal) ? "found" : "missing")}"));
        }
    }

    /// <summary>Chooses the file on the import page, as a user would, and sends it for preview.</summary>
    private static async Task<(int Status, XssProbe.Scanned Scanned)> PreviewAsync(IPage page, string name, byte[] content)
    {
        await page.GotoAsync(ImportPath);
        var type = name.EndsWith(".docx", StringComparison.Ordinal) ? DocxType : XlsxType;
        await page.Locator("input[type=file][name=upload]").SetInputFilesAsync(new FilePayload { Name = name, MimeType = type, Buffer = content });
        return await SubmitAsync(page, page.Locator("form[enctype='multipart/form-data'] button[type=submit]"), "Preview");
    }

    private static Task<(int Status, XssProbe.Scanned Scanned)> ApplyAsync(IPage page) =>
        SubmitAsync(page, page.Locator("form:has(input[name=token]) button[type=submit]"), "Apply");

    private static async Task<(int Status, XssProbe.Scanned Scanned)> SubmitAsync(IPage page, ILocator button, string handler)
    {
        var response = await page.RunAndWaitForResponseAsync(() => button.ClickAsync(),
            r => r.Request.ResourceType == "document" && r.Request.Method == "POST" && r.Url.Contains($"handler={handler}", StringComparison.Ordinal));
        await page.WaitForURLAsync(url => url.Contains($"handler={handler}", StringComparison.Ordinal));
        await page.WaitForLoadStateAsync(LoadState.Load);
        return (response.Status, await XssProbe.ScanAsync(page));
    }

    /// <summary>Posts the file with its exact name in <c>filename*</c> (RFC 5987), which no browser would escape.</summary>
    private static async Task<HttpResponseMessage> PostRawAsync(HttpClient client, string token, string name, byte[] content)
    {
        using var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        var file = new ByteArrayContent(content);
        file.Headers.TryAddWithoutValidation("Content-Disposition", $"form-data; name=\"upload\"; filename*=UTF-8''{Uri.EscapeDataString(name)}");
        file.Headers.TryAddWithoutValidation("Content-Type", name.EndsWith(".docx", StringComparison.Ordinal) ? DocxType : XlsxType);
        form.Add(file);
        return await client.PostAsync(ImportPath + "?handler=Preview", form);
    }

    /// <summary>Shows the server's answer in chromium at <paramref name="path"/>, with the headers the server sent (its CSP).</summary>
    private static async Task<(int Status, XssProbe.Scanned Scanned)> RenderAsync(IPage page, string path, HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsByteArrayAsync();
        var headers = response.Headers.Concat(response.Content.Headers)
            .Where(h => h.Key is not ("Content-Length" or "Transfer-Encoding" or "Set-Cookie"))
            .ToDictionary(h => h.Key, h => string.Join(", ", h.Value));
        await page.RouteAsync(url => url.EndsWith(path, StringComparison.Ordinal), route =>
            route.FulfillAsync(new() { Status = (int)response.StatusCode, Headers = headers, BodyBytes = body }));
        var shown = await page.GotoAsync(path, new() { WaitUntil = WaitUntilState.Load });
        return (shown?.Status ?? 0, await XssProbe.ScanAsync(page));
    }

    private static byte[] RenameFirstSheet(byte[] workbook, string name)
    {
        using var buffer = new MemoryStream();
        buffer.Write(workbook);
        using (var document = SpreadsheetDocument.Open(buffer, true))
        {
            document.WorkbookPart!.Workbook!.Sheets!.Elements<S.Sheet>().First().Name = name;
        }

        return buffer.ToArray();
    }

    /// <summary>
    /// Sets cells of the annex's first programme table (time-bound activities) as Word would after typing over them:
    /// the row by its number, the column by its header, found as the importer finds them.
    /// </summary>
    private static byte[] EditAnnex(byte[] docx, IReadOnlyDictionary<(int Number, TableColumn Column), string> texts)
    {
        using var buffer = new MemoryStream();
        buffer.Write(docx);
        using (var document = WordprocessingDocument.Open(buffer, true))
        {
            var left = texts.ToDictionary();
            foreach (var table in document.MainDocumentPart!.Document!.Body!.Elements<W.Table>())
            {
                var rows = table.Elements<W.TableRow>().ToList();
                var header = rows.Take(5).Select(r => Grid(r).Select(c => (c.Column, Recognised: ProgrammeTable.Recognise(c.Cell.InnerText)?.Column)).ToList())
                    .Select((cells, index) => (cells, index)).FirstOrDefault(h => h.cells.Count(c => c.Recognised is not null) >= 3);
                if (header.cells is null)
                {
                    continue;
                }

                var columns = header.cells.Where(c => c.Recognised is not null).ToDictionary(c => c.Recognised!.Value, c => c.Column);
                foreach (var row in rows.Skip(header.index + 1))
                {
                    var cells = Grid(row).ToDictionary(c => c.Column, c => c.Cell);
                    if (!cells.TryGetValue(columns[TableColumn.Number], out var numberCell) || ProgrammeTable.ParseNumber(numberCell.InnerText) is not { } number)
                    {
                        continue;
                    }

                    foreach (var ((wanted, column), text) in texts.Where(t => t.Key.Number == number))
                    {
                        SetText(cells[columns[column]], text);
                        left.Remove((wanted, column));
                    }
                }

                // Only the first table is section I's.
                break;
            }

            Assert.Empty(left);
        }

        return buffer.ToArray();
    }

    private static IEnumerable<(int Column, W.TableCell Cell)> Grid(W.TableRow row)
    {
        var column = row.TableRowProperties?.GetFirstChild<W.GridBefore>()?.Val?.Value ?? 0;
        foreach (var cell in row.Elements<W.TableCell>())
        {
            yield return (column, cell);
            column += cell.TableCellProperties?.GridSpan?.Val?.Value ?? 1;
        }
    }

    private static void SetText(W.TableCell cell, string text)
    {
        var paragraphs = cell.Elements<W.Paragraph>().ToList();
        foreach (var extra in paragraphs.Skip(1))
        {
            extra.Remove();
        }

        var paragraph = paragraphs[0];
        var runProperties = paragraph.Descendants<W.RunProperties>().FirstOrDefault()?.CloneNode(true);
        foreach (var child in paragraph.ChildElements.Where(c => c is not W.ParagraphProperties).ToList())
        {
            child.Remove();
        }

        var run = new W.Run();
        if (runProperties is not null)
        {
            run.Append(runProperties);
        }

        run.Append(new W.Text(text) { Space = SpaceProcessingModeValues.Preserve });
        paragraph.Append(run);
    }
}
