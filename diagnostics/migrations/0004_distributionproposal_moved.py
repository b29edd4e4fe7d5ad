"""DistributionProposal now belongs to the distribution app, which keeps its table."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('diagnostics', '0003_proposal_new_period'),
        ('distribution', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(state_operations=[
            migrations.DeleteModel(name='DistributionProposal'),
        ]),
    ]
