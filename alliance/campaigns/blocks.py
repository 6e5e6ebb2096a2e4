from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from .themes import Theme


class PointsBlock(blocks.StructBlock):
    intro = blocks.TextBlock(label=_("Introduction"), required=False)
    numbered = blocks.BooleanBlock(label=_("Numbered"), required=False)
    items = blocks.ListBlock(blocks.TextBlock(label=_("Point")), label=_("Points"))

    class Meta:
        icon = "list-ul"
        label = _("List of points")
        template = "campaigns/blocks/points.html"


class ThemeBlock(blocks.StructBlock):
    theme = blocks.ChoiceBlock(choices=Theme.choices, label=_("Theme"))
    title = blocks.CharBlock(label=_("Title"))
    text = blocks.TextBlock(label=_("Text"))


class StatementBodyBlock(blocks.StreamBlock):
    heading = blocks.CharBlock(label=_("Heading"), icon="title", template="campaigns/blocks/heading.html")
    paragraph = blocks.TextBlock(label=_("Paragraph"), icon="pilcrow", template="campaigns/blocks/paragraph.html")
    points = PointsBlock()
    themes = blocks.ListBlock(ThemeBlock(), label=_("Themes"), icon="tag", template="campaigns/blocks/themes.html")
