"""OCI Vision (`/20220125`), per api/oci-vision.md.

Project and Model (custom training) run on the generic OCI engine (oci_resources) with Vision's differences
(updates answer 202 without a body, no retry token on changeCompartment, optional compartmentId on lists,
cancellable work requests). ImageJob, DocumentJob and VideoJob are batch jobs with their own lifecycle and
no work requests: they read their input objects from the emulated Object Storage and write one result per
object under the output prefix. AnalyzeImage and AnalyzeDocument answer at once (vision_results). Private
endpoints and stream sources, groups and jobs are in vision_streams.
"""

import base64
import binascii
import copy
import hashlib
import io
import json
import math
import zipfile
from datetime import datetime, timezone
from functools import partial

from . import vision_results, vision_streams
from .oci_common import Field, OciError, etag_of, invalid, json_object, new_ocid, not_found, validate_body
from .oci_resources import OciService, ResourceKind
from .store import Record
from .wire import Response, json_response, rfc3339

API_VERSION = '20220125'
STATES = ('CREATING', 'UPDATING', 'ACTIVE', 'DELETING', 'DELETED', 'FAILED')
MODEL_TYPES = ('IMAGE_CLASSIFICATION', 'OBJECT_DETECTION')
LANGUAGES = ('ENG', 'CES', 'DAN', 'NLD', 'FIN', 'FRA', 'DEU', 'ELL', 'HUN', 'ITA', 'NOR', 'POL', 'POR', 'RON', 'RUS', 'SLK',
             'SPA', 'SWE', 'TUR', 'ARA', 'CHI_SIM', 'HIN', 'JPN', 'KOR', 'OTHERS')
DOCUMENT_TYPES = ('INVOICE', 'RECEIPT', 'RESUME', 'TAX_FORM', 'DRIVER_LICENSE', 'PASSPORT', 'BANK_STATEMENT', 'CHECK',
                  'PAYSLIP', 'OTHERS')
MAX_JOB_OBJECTS = 2000  # OCI Vision limits: 2,000 images or documents per job
ACCEPTED_SHARE = 0.1    # part of a job's duration it spends ACCEPTED (and the time a cancel takes)

TAG_FIELDS = (Field('freeformTags', 'freeform_tags', updatable=True), Field('definedTags', 'defined_tags', updatable=True))
OBJECT_LOCATION = (Field('namespaceName', required=True), Field('bucketName', required=True), Field('objectName', required=True))


def dataset(name, required=False):
    return Field(name, 'object', required=required, variants=('datasetType', {
        'DATA_SCIENCE_LABELING': (Field('datasetId', required=True),),
        'OBJECT_STORAGE': OBJECT_LOCATION,
    }))


def feature_list(variants):
    return Field('features', 'object_list', required=True, minimum=1, variants=('featureType', variants))


MAX_RESULTS = Field('maxResults', 'int', minimum=1)
MODEL_ID = Field('modelId')
MIN_CONFIDENCE = Field('minConfidence', 'number')
IMAGE_FEATURES = feature_list({
    'IMAGE_CLASSIFICATION': (MAX_RESULTS, MODEL_ID),
    'OBJECT_DETECTION': (MAX_RESULTS, MODEL_ID),
    'TEXT_DETECTION': (Field('language', enum=LANGUAGES),),
    'FACE_DETECTION': (MAX_RESULTS, Field('shouldReturnLandmarks', 'bool')),
    'FACE_EMBEDDING': (MAX_RESULTS, Field('shouldReturnLandmarks', 'bool')),
})
DOCUMENT_FEATURES = feature_list({
    'LANGUAGE_CLASSIFICATION': (MAX_RESULTS,),
    'TEXT_DETECTION': (Field('generateSearchablePdf', 'bool'),),
    'TABLE_DETECTION': (),
    'KEY_VALUE_DETECTION': (),
    'DOCUMENT_CLASSIFICATION': (MAX_RESULTS, MODEL_ID),
})
VIDEO_FEATURES = feature_list({
    'LABEL_DETECTION': (MIN_CONFIDENCE, MAX_RESULTS, MODEL_ID),
    'OBJECT_DETECTION': (MIN_CONFIDENCE, MAX_RESULTS, MODEL_ID),
    'TEXT_DETECTION': (MIN_CONFIDENCE,),
    'FACE_DETECTION': (MAX_RESULTS, Field('isLandmarkRequired', 'bool'), MIN_CONFIDENCE),
    'OBJECT_TRACKING': (MIN_CONFIDENCE, MAX_RESULTS, MODEL_ID),
})
# the custom model type each feature that takes a modelId needs (document classification models are not Vision's)
MODEL_TYPE_OF_FEATURE = {'IMAGE_CLASSIFICATION': 'IMAGE_CLASSIFICATION', 'OBJECT_DETECTION': 'OBJECT_DETECTION',
                         'LABEL_DETECTION': 'IMAGE_CLASSIFICATION', 'OBJECT_TRACKING': 'OBJECT_DETECTION'}
INPUT_LOCATION = Field('inputLocation', 'object', required=True, variants=('sourceType', {
    'OBJECT_LIST_INLINE_INPUT_LOCATION': (Field('objectLocations', 'object_list', required=True, minimum=1, fields=OBJECT_LOCATION),),
}))
OUTPUT_LOCATION = (Field('namespaceName', required=True), Field('bucketName', required=True), Field('prefix', required=True))
SOURCE = ('source', {'INLINE': (Field('data', required=True),), 'OBJECT_STORAGE': OBJECT_LOCATION})


# ---- the emulated Object Storage -------------------------------------------------------------------------

def object_key(location):
    return location['namespaceName'], location['bucketName'], location['objectName']


def read_object(store, location):
    return store.objects.get(object_key(location))


def describe_location(location):
    return '%s/%s/%s' % object_key(location)


def job_etag(view):
    """A job's etag changes with its state, not with every percent of progress (a cancel's if-match would race it)."""
    return etag_of(dict((key, value) for key, value in view.items() if key != 'percentComplete'))


# ---- projects and models -----------------------------------------------------------------------------------

def check_training(service, fields):
    """The project exists and is ACTIVE; a missing Object Storage dataset makes the training fail."""
    project = service.related(('Project',), fields['projectId'], 'projectId')
    if project.fields['lifecycleState'] != 'ACTIVE':
        raise invalid('projectId %s must be ACTIVE, not %s.' % (project.id, project.fields['lifecycleState']))
    if fields.get('maxTrainingDurationInHours') is not None and fields['maxTrainingDurationInHours'] <= 0:
        raise invalid('maxTrainingDurationInHours must be more than 0.')
    fields.setdefault('modelVersion', '1.0')
    for name in ('trainingDataset', 'testingDataset', 'validationDataset'):
        data = fields.get(name)
        if data and data['datasetType'] == 'OBJECT_STORAGE' and read_object(service.store, data) is None:
            return 'The %s object %s was not found; the training stopped.' % (name, describe_location(data))
    return None


def training_time(delay, fields):
    """Training is the slow part of Vision: four transition delays, two in quick mode."""
    return delay * (2 if fields.get('isQuickMode') else 4)


def training_metrics(record):
    """What a finished training reports, repeatable per model id."""
    dice = vision_results.Dice('model', record.id)
    fields = record.fields
    hours = 0.5 if fields.get('isQuickMode') else 3.0
    if fields.get('maxTrainingDurationInHours') is not None:
        hours = min(hours, fields['maxTrainingDurationInHours'])
    total = 100 + dice.byte()
    labels = [name for name, _parents, _synonyms in vision_results.model_labels(fields)]
    return {
        'precision': dice.fraction(0.8, 0.99), 'recall': dice.fraction(0.75, 0.99), 'averagePrecision': dice.fraction(0.7, 0.95),
        'confidenceThreshold': dice.fraction(0.3, 0.6), 'totalImageCount': total, 'testImageCount': total // 10,
        'trainedDurationInHours': round(hours, 3),
        'metrics': json.dumps({'labelMetricsReport': [{'label': label, 'precision': dice.fraction(0.7, 0.99),
                                                       'recall': dice.fraction(0.7, 0.99)} for label in labels]}),
    }


PROJECT = ResourceKind(
    name='Project',
    label='project',
    collection='projects',
    ocid_type='aivisionproject',
    operation_suffix='PROJECT',
    fields=(Field('compartmentId', required=True), Field('displayName', updatable=True), Field('description', updatable=True))
    + TAG_FIELDS,
    states=STATES,
    list_filters=('lifecycleState', 'displayName', 'id'),
    sort_by=('timeCreated', 'displayName'),
    summary_omit=('previousState', 'description'),
    default_name_prefix='project',
    transition_fields=('displayName', 'description', 'freeformTags', 'definedTags'),
    dependents=(('Model', 'projectId'),),
    update_returns_body=False,
    outcome_name='VisionProject',
)

MODEL = ResourceKind(
    name='Model',
    label='model',
    collection='models',
    ocid_type='aivisionmodel',
    operation_suffix='MODEL',
    fields=(
        Field('compartmentId', required=True),
        Field('projectId', required=True),
        Field('modelType', required=True, enum=MODEL_TYPES),
        dataset('trainingDataset', required=True),
        dataset('testingDataset'),
        dataset('validationDataset'),
        Field('displayName', updatable=True),
        Field('description', updatable=True),
        Field('modelVersion'),
        Field('isQuickMode', 'bool'),
        Field('maxTrainingDurationInHours', 'number'),
    ) + TAG_FIELDS,
    states=STATES,
    list_filters=('lifecycleState', 'displayName', 'id', 'projectId'),
    sort_by=('timeCreated', 'displayName'),
    summary_omit=('previousState', 'isQuickMode', 'maxTrainingDurationInHours', 'trainedDurationInHours', 'recall',
                  'averagePrecision', 'confidenceThreshold', 'totalImageCount', 'testImageCount', 'metrics'),
    default_name_prefix='model',
    transition_fields=('displayName', 'description', 'freeformTags', 'definedTags'),
    update_returns_body=False,
    outcome_name='VisionModel',
    prepare=check_training,
    on_created=training_metrics,
    create_duration=training_time,
)


# ---- batch jobs --------------------------------------------------------------------------------------------

class JobKind:
    """One kind of batch job: its create body, what it analyses and how."""

    def __init__(self, name, label, collection, ocid_type, media, fields, analyze, tagged=False):
        self.name = name
        self.label = label
        self.collection = collection
        self.ocid_type = ocid_type
        self.media = media
        self.fields = fields
        self.analyze = analyze
        self.tagged = tagged


JOB_COMMON = (INPUT_LOCATION, Field('outputLocation', 'object', required=True, fields=OUTPUT_LOCATION), Field('compartmentId'),
              Field('displayName'))
IMAGE_JOB = JobKind('ImageJob', 'image job', 'imageJobs', 'aivisionimagejob', 'image',
                    JOB_COMMON + (IMAGE_FEATURES, Field('isZipOutputEnabled', 'bool')),
                    lambda data, job, models: vision_results.analyze_image(data, job['features'], models))
DOCUMENT_JOB = JobKind('DocumentJob', 'document job', 'documentJobs', 'aivisiondocumentjob', 'document',
                       JOB_COMMON + (DOCUMENT_FEATURES, Field('isZipOutputEnabled', 'bool'), Field('language', enum=LANGUAGES),
                                     Field('documentType', enum=DOCUMENT_TYPES)),
                       lambda data, job, models: vision_results.analyze_document(data, job['features'], job.get('language'),
                                                                                 job.get('documentType')))
VIDEO_JOB = JobKind('VideoJob', 'video job', 'videoJobs', 'aivisionvideojob', 'video', JOB_COMMON + (VIDEO_FEATURES,) + TAG_FIELDS,
                    lambda data, job, models: vision_results.analyze_video(data, job['features'], models), tagged=True)
JOBS = (IMAGE_JOB, DOCUMENT_JOB, VIDEO_JOB)


class JobRun:
    """A job's timeline on the emulated clock: ACCEPTED, IN_PROGRESS after ACCEPTED_SHARE of `duration`, finished
    at the end (the outcome is worked out then); a cancel makes it CANCELING for a moment, then CANCELED."""

    def __init__(self, accepted, duration, injected_failure):
        self.accepted = accepted
        self.started = accepted + duration * ACCEPTED_SHARE
        self.finished = accepted + duration
        self.injected_failure = injected_failure
        self.cancelled = None
        self.outcome = None  # (lifecycleState, lifecycleDetails) once finished

    def state(self, now):
        if self.cancelled is not None:
            return 'CANCELED' if now >= self.finished else 'CANCELING'
        if now >= self.finished:
            return 'FINISHED'
        return 'IN_PROGRESS' if now >= self.started else 'ACCEPTED'

    def percent(self, now):
        end = self.cancelled if self.cancelled is not None else now
        if end >= self.finished:
            return 100.0
        if end < self.started:
            return 0.0
        return float(min(99, max(1, math.floor(100 * (end - self.started) / (self.finished - self.started)))))

    def cancel(self, now):
        self.cancelled = now
        self.finished = now + (self.finished - self.accepted) * ACCEPTED_SHARE


class VisionService(OciService):

    def __init__(self, emulator):
        super().__init__(emulator, 'vision', API_VERSION, (PROJECT, MODEL) + vision_streams.KINDS, 'aivisionworkrequest',
                         list_needs_compartment=False, move_retry_tokens=False, entry_sort_by='timeAccepted',
                         cancel_work_requests=True)
        vision_streams.add_routes(self)
        for job in JOBS:
            collection = '/' + job.collection
            self.router.add('POST', collection, partial(self.create_job, job))
            self.router.add('GET', collection + '/{job_id}', partial(self.get_job, job))
            self.router.add('POST', collection + '/{job_id}/actions/cancel', partial(self.cancel_job, job))
        self.router.add('POST', '/actions/analyzeImage', self.analyze_image)
        self.router.add('POST', '/actions/analyzeDocument', self.analyze_document)

    # ---- related resources and input ------------------------------------------------------------

    def custom_models(self, features):
        """modelId -> model for the features that name a custom model: it must be an ACTIVE Vision model of the right type."""
        models = {}
        for index, feature in enumerate(features):
            if not feature.get('modelId') or feature['featureType'] not in MODEL_TYPE_OF_FEATURE:
                continue
            name = 'features[%d].modelId' % index
            model = self.related(('Model',), feature['modelId'], name)
            wanted = MODEL_TYPE_OF_FEATURE[feature['featureType']]
            if model.fields['modelType'] != wanted:
                raise invalid('%s %s is an %s model; the %s feature needs an %s model.' % (
                    name, model.id, model.fields['modelType'], feature['featureType'], wanted))
            if model.fields['lifecycleState'] != 'ACTIVE':
                raise invalid('%s %s must be ACTIVE, not %s.' % (name, model.id, model.fields['lifecycleState']))
            models[model.id] = model.fields
        return models

    @staticmethod
    def check_unique_features(features):
        seen = set()
        for feature in features:
            if feature['featureType'] in seen:
                raise invalid('features lists %s more than once.' % feature['featureType'])
            seen.add(feature['featureType'])

    def source_bytes(self, details, path, media):
        """The bytes of an INLINE or OBJECT_STORAGE image/document, checked against the single-request limits."""
        if details['source'] == 'INLINE':
            try:
                data = base64.b64decode(details['data'], validate=True)
            except (binascii.Error, ValueError):
                raise invalid('%s.data must be base64-encoded %s bytes.' % (path, media))
        else:
            data = read_object(self.store, details)
            if data is None:
                raise OciError(404, 'NotAuthorizedOrNotFound', 'Authorization failed or requested resource not found: '
                                                               'object %s.' % describe_location(details))
        if len(data) > vision_results.MAX_INLINE_BYTES:
            raise invalid('The %s is %d bytes; a single request takes at most %d bytes (5 MB).'
                          % (media, len(data), vision_results.MAX_INLINE_BYTES))
        found = vision_results.file_format(data)
        if found not in vision_results.FORMATS[media]:
            raise invalid('The %s must be %s, not %s.' % (media, ' or '.join(vision_results.FORMATS[media]),
                                                          found or 'a format the service knows'))
        return data

    # ---- jobs -------------------------------------------------------------------------------------

    def create_job(self, job, request):
        body = json_object(request)
        replayed = self._replay(request, body)
        if replayed:
            return replayed
        fields = validate_body(job.fields, body)
        self.check_unique_features(fields['features'])
        locations = fields['inputLocation']['objectLocations']
        if len(locations) > MAX_JOB_OBJECTS:
            raise invalid('inputLocation.objectLocations has %d objects; a job takes at most %d.' % (len(locations), MAX_JOB_OBJECTS))
        self.custom_models(fields['features'])
        now = self.now()
        job_id = new_ocid(job.ocid_type, self.emulator.config.region)
        fields.setdefault('compartmentId', self.emulator.config.tenancy)
        fields.setdefault('displayName', job.name.lower() + datetime.fromtimestamp(now, timezone.utc).strftime('%Y%m%d%H%M%S'))
        if job.tagged:
            fields.setdefault('freeformTags', {})
            fields.setdefault('definedTags', {})
            fields['systemTags'] = {}
        fields.update({'id': job_id, 'timeAccepted': rfc3339(now)})
        record = self.store.add(self.table(job.name), Record(job.name, job_id, fields, now))
        record.run = JobRun(now, self.emulator.settings.delay, self.emulator.settings.take_outcome(job.name) == 'FAILED')
        response = self._job_response(job, record)
        self._remember(request, body, response)
        return response

    def _load_job(self, job, job_id):
        record = self.store.get(self.table(job.name), job_id)
        if record is None:
            raise not_found('%s %s' % (job.name, job_id))
        return record

    def job_view(self, job, record):
        """The job as the API shows it now, finishing it first when its time has come."""
        run, now = record.run, self.now()
        state = run.state(now)
        if state == 'FINISHED' and run.outcome is None:
            run.outcome = self.finish_job(job, record)
        data = copy.deepcopy(record.fields)
        data['lifecycleState'] = run.outcome[0] if state == 'FINISHED' else state
        if state == 'FINISHED' and run.outcome[1]:
            data['lifecycleDetails'] = run.outcome[1]
        data['percentComplete'] = run.percent(now)
        if now >= run.started and (run.cancelled is None or run.cancelled >= run.started):
            data['timeStarted'] = rfc3339(run.started)
        if state in ('FINISHED', 'CANCELED'):
            data['timeFinished'] = rfc3339(run.finished)
        return data

    def finish_job(self, job, record):
        """Analyse every input object and write its result; the outcome follows from how many could be read."""
        fields, run = record.fields, record.run
        output = fields['outputLocation']
        folder = '%s/%s' % (output['prefix'].rstrip('/'), record.id)
        written = {}
        try:
            models = self.custom_models(fields['features'])
        except OciError:  # a custom model deleted while the job ran
            models = None
        if not run.injected_failure and models is not None:
            for location in fields['inputLocation']['objectLocations']:
                data = read_object(self.store, location)
                if data is None or vision_results.file_format(data) not in vision_results.FORMATS[job.media]:
                    continue
                name = '%s/%s_%s_%s.json' % ((folder,) + object_key(location))
                written[name] = json.dumps(job.analyze(data, fields, models), indent=1).encode('utf-8')
        if written and fields.get('isZipOutputEnabled'):
            archive = io.BytesIO()
            with zipfile.ZipFile(archive, 'w') as bundle:
                for name, content in sorted(written.items()):
                    bundle.writestr(name[len(folder) + 1:], content)
            written['%s/%s.zip' % (folder, record.id)] = archive.getvalue()
        for name, content in written.items():
            self.store.objects[(output['namespaceName'], output['bucketName'], name)] = content
        results = len([name for name in written if name.endswith('.json')])
        if results == len(fields['inputLocation']['objectLocations']):
            return 'SUCCEEDED', None
        return 'FAILED', 'PARTIALLY_SUCCEEDED' if results else 'COMPLETELY_FAILED'

    def _job_response(self, job, record):
        data = self.job_view(job, record)
        return json_response(200, data, {'etag': job_etag(data)})

    def get_job(self, job, request, job_id):
        return self._job_response(job, self._load_job(job, job_id))

    def cancel_job(self, job, request, job_id):
        record = self._load_job(job, job_id)
        view = self.job_view(job, record)
        expected = request.header('if-match')
        if expected and expected != '*' and expected != job_etag(view):
            raise OciError(412, 'NoEtagMatch', 'The if-match value %s does not match the current etag of the job.' % expected)
        if view['lifecycleState'] not in ('ACCEPTED', 'IN_PROGRESS'):
            raise OciError(409, 'IncorrectState', 'Cannot cancel %s %s while it is %s.' % (job.name, job_id, view['lifecycleState']))
        record.run.cancel(self.now())
        return Response(202, b'')

    # ---- synchronous analysis ---------------------------------------------------------------------

    def analyze_image(self, request):
        fields = validate_body((IMAGE_FEATURES, Field('image', 'object', required=True, variants=SOURCE), Field('compartmentId')),
                               json_object(request))
        self.check_unique_features(fields['features'])
        models = self.custom_models(fields['features'])
        data = self.source_bytes(fields['image'], 'image', 'image')
        result = vision_results.analyze_image(data, fields['features'], models)
        return json_response(200, result, {'etag': etag_of(result)})

    def analyze_document(self, request):
        fields = validate_body((DOCUMENT_FEATURES, Field('document', 'object', required=True, variants=SOURCE), Field('compartmentId'),
                                Field('outputLocation', 'object', fields=OUTPUT_LOCATION), Field('language', enum=LANGUAGES),
                                Field('documentType', enum=DOCUMENT_TYPES)), json_object(request))
        self.check_unique_features(fields['features'])
        data = self.source_bytes(fields['document'], 'document', 'document')
        pages = vision_results.page_count(data)
        if pages > vision_results.MAX_SYNC_PAGES:
            raise invalid('The document has %d pages; a single request takes at most %d.' % (pages, vision_results.MAX_SYNC_PAGES))
        result = vision_results.analyze_document(data, fields['features'], fields.get('language'), fields.get('documentType'))
        output = fields.get('outputLocation')
        if output:
            name = '%s/document_%s.json' % (output['prefix'].rstrip('/'), hashlib.sha256(data).hexdigest()[:12])
            self.store.objects[(output['namespaceName'], output['bucketName'], name)] = json.dumps(result, indent=1).encode('utf-8')
        return json_response(200, result, {'etag': etag_of(result)})
