import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('meldingen', '0008_aantekening_zoeken'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='Document',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('bestandsnaam', models.CharField(blank=True, max_length=255, verbose_name='bestandsnaam')),
                ('soort', models.CharField(help_text='Vastgesteld uit de inhoud, niet uit de naam.', max_length=20, verbose_name='soort')),
                ('content_type', models.CharField(max_length=100, verbose_name='content-type')),
                ('grootte', models.PositiveBigIntegerField(verbose_name='grootte (bytes)')),
                ('sha256', models.CharField(max_length=64, verbose_name='sha256')),
                ('pad', models.CharField(blank=True, help_text='Binnen DOCUMENT_ROOT.', max_length=100, verbose_name='pad')),
                ('op', models.DateTimeField(auto_now_add=True, verbose_name='op')),
                ('door', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='door')),
                ('melding', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='documenten', to='meldingen.melding', verbose_name='melding')),
            ],
            options={
                'verbose_name': 'document',
                'verbose_name_plural': 'documenten',
                'ordering': ['melding', 'op', 'pk'],
            },
        ),
    ]
