using WorkProgramme.Web.Pages.Programmes;

namespace WorkProgramme.Web.Tests.Activities;

/// <summary>The field-by-field merge of a form posted on a version someone else has moved on from.</summary>
public sealed class ActivityMergeFacts
{
    private static ActivityForm Opened() => new()
    {
        Priority = "B",
        LeadBody = "CTP",
        OtherBodies = ["CPG", "CONSEIL"],
        PlanCodes = ["PS1", "PS2"],
        TitleFr = "Élaborer un guide\nsur les données",
        KpiEn = null,
    };

    [Fact]
    public void Differences_only_of_line_breaks_blanks_empty_text_or_the_order_of_ticked_boxes_are_no_change()
    {
        var mine = Opened();
        mine.TitleFr = "Élaborer un guide\r\nsur les données ";
        mine.KpiEn = "";
        mine.OtherBodies = ["CONSEIL", "CPG", "CTP"];
        mine.PlanCodes = ["PS2", "PS1"];
        var theirs = Opened();
        theirs.Priority = "A";

        var merge = ActivityMerge.Of(Opened(), mine, theirs);

        Assert.Empty(merge.Conflicts);
        Assert.Equal([ActivityField.Priority], merge.TakenFromTheirs);
        Assert.Equal("A", merge.Form.Priority);
    }

    [Fact]
    public void Each_field_goes_to_whoever_changed_it_and_only_different_changes_to_the_same_field_clash()
    {
        var mine = Opened();
        mine.TitleFr = "Mon titre";
        mine.KpiEn = "Same indicator";
        mine.Priority = "C";
        var theirs = Opened();
        theirs.PlanCodes = ["PS1"];
        theirs.KpiEn = "Same indicator";
        theirs.Priority = "A";
        // Their new lead body was one of the others, which it leaves (as a save of their form stores it).
        theirs.LeadBody = "CPG";
        theirs.OtherBodies = ["CONSEIL"];

        var merge = ActivityMerge.Of(Opened(), mine, theirs);

        Assert.Equal([ActivityField.Priority], merge.Conflicts);
        Assert.Equal([ActivityField.LeadBody, ActivityField.PlanCodes, ActivityField.OtherBodies], merge.TakenFromTheirs);
        Assert.Equal(("C", "CPG", "Mon titre", "Same indicator"), (merge.Form.Priority, merge.Form.LeadBody, merge.Form.TitleFr, merge.Form.KpiEn));
        Assert.Equal(["PS1"], merge.Form.PlanCodes);
        Assert.Equal(["CONSEIL"], merge.Form.OtherBodies);
    }

    [Fact]
    public void Without_the_opened_values_every_difference_is_shown_and_the_users_input_is_kept()
    {
        var mine = Opened();
        mine.TitleFr = "Mon titre";
        var theirs = Opened();
        theirs.KpiEn = "Their indicator";

        var merge = ActivityMerge.WithoutBase(mine, theirs);

        Assert.Same(mine, merge.Form);
        Assert.Equal([ActivityField.TitleFr, ActivityField.KpiEn], merge.Conflicts);
        Assert.Empty(merge.TakenFromTheirs);
    }
}
