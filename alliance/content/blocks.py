from django.utils.translation import gettext_lazy as _
from wagtail import blocks


class FigureBlock(blocks.StructBlock):
    number = blocks.CharBlock(label=_("Figure"), help_text=_("As it should be read, e.g. 500+."))
    label = blocks.CharBlock(label=_("What it counts"))


class MilestoneBlock(blocks.StructBlock):
    when = blocks.CharBlock(label=_("When"), help_text=_("E.g. October 2017."))
    title = blocks.CharBlock(label=_("Title"))
    text = blocks.TextBlock(label=_("Text"), required=False)
    figures = blocks.ListBlock(FigureBlock(), label=_("Figures at that time"), default=[])

    class Meta:
        icon = "date"
        label = _("Milestone")
        template = "content/blocks/milestone.html"


class ActionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"))
    text = blocks.TextBlock(label=_("Text"))
    link_page = blocks.PageChooserBlock(label=_("Link to page"), required=False)
    link_label = blocks.CharBlock(label=_("Link text"), required=False)

    class Meta:
        icon = "pick"
        label = _("Way to take action")
        template = "content/blocks/action.html"
