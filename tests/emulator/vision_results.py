"""What the emulated OCI Vision "sees" in an image, a document or a video: well-formed analysis results
(api/oci-vision.md section 6, and the SDK's AnalyzeVideoResult for video jobs) for exactly the requested
features, repeatable for the same bytes and options, and a check of the file formats the service accepts.
"""

import base64
import hashlib
import re

MAX_INLINE_BYTES = 5 * 1024 * 1024   # OCI Vision limits: 5 MB per image or document in a single request
MAX_SYNC_PAGES = 5                    # ... and five pages per document
PRETRAINED_VERSIONS = {'IMAGE_CLASSIFICATION': '1.5.97', 'OBJECT_DETECTION': '1.3.46', 'TEXT_DETECTION': '1.6.221',
                       'FACE_DETECTION': '1.0.27', 'FACE_EMBEDDING': '1.0.27', 'LANGUAGE_CLASSIFICATION': '1.0.18',
                       'TABLE_DETECTION': '1.8.110', 'KEY_VALUE_DETECTION': '1.8.110', 'DOCUMENT_CLASSIFICATION': '1.3.54',
                       'LABEL_DETECTION': '1.1.12', 'OBJECT_TRACKING': '1.0.4'}
LABELS = (('Dog', ('Animal', 'Mammal'), ('Puppy',)), ('Cat', ('Animal', 'Mammal'), ('Kitten',)),
          ('Car', ('Vehicle',), ('Automobile',)), ('Bicycle', ('Vehicle',), ('Bike',)), ('Tree', ('Plant',), ()),
          ('Building', ('Structure',), ()), ('Person', ('Human',), ('People',)), ('Sky', (), ()),
          ('Road', ('Infrastructure',), ('Street',)), ('Flower', ('Plant',), ('Blossom',)))
WORDS = ('INVOICE', 'Total', 'Date', 'Amount', 'ACME', 'Order', 'Paid', 'Due', 'Customer', 'Reference')
LANDMARKS = ('LEFT_EYE', 'RIGHT_EYE', 'NOSE_TIP', 'LEFT_EDGE_OF_MOUTH', 'RIGHT_EDGE_OF_MOUTH')
FORMATS = {
    'image': ('JPEG', 'PNG'),
    'document': ('JPEG', 'PNG', 'PDF', 'TIFF'),
    'video': ('MP4', 'MOV', 'MKV', 'WEBM'),
}
MIME_TYPES = {'JPEG': 'image/jpeg', 'PNG': 'image/png', 'PDF': 'application/pdf', 'TIFF': 'image/tiff'}


def file_format(data):
    """The format of the bytes by their signature, or None."""
    if data.startswith(b'\xff\xd8\xff'):
        return 'JPEG'
    if data.startswith(b'\x89PNG\r\n\x1a\n'):
        return 'PNG'
    if data.startswith(b'%PDF-'):
        return 'PDF'
    if data[:4] in (b'II*\x00', b'MM\x00*'):
        return 'TIFF'
    if data[4:8] == b'ftyp':
        return 'MOV' if data[8:10] == b'qt' else 'MP4'
    if data.startswith(b'\x1a\x45\xdf\xa3'):
        return 'WEBM' if b'webm' in data[:64] else 'MKV'
    return None


def page_count(data):
    """Pages of a PDF (its /Type /Page objects); every other accepted format is one page."""
    if file_format(data) == 'PDF':
        return max(1, len(re.findall(rb'/Type\s*/Page(?![a-zA-Z])', data)))
    return 1


class Dice:
    """Repeatable numbers from a seed: the same input gives the same results."""

    def __init__(self, *seed):
        self.digest = hashlib.sha256(repr(seed).encode('utf-8')).digest()
        self.position = 0

    def byte(self):
        if self.position == len(self.digest):
            self.digest = hashlib.sha256(self.digest).digest()
            self.position = 0
        self.position += 1
        return self.digest[self.position - 1]

    def fraction(self, low=0.0, high=1.0):
        return round(low + (high - low) * self.byte() / 255.0, 4)

    def pick(self, choices):
        return choices[self.byte() % len(choices)]


def polygon(dice):
    left, top = dice.fraction(0.0, 0.6), dice.fraction(0.0, 0.6)
    right, bottom = round(left + dice.fraction(0.1, 0.4), 4), round(top + dice.fraction(0.1, 0.4), 4)
    return {'normalizedVertices': [{'x': left, 'y': top}, {'x': right, 'y': top}, {'x': right, 'y': bottom},
                                   {'x': left, 'y': bottom}]}


def confidences(dice, count, low=0.5):
    """`count` confidences from `low` to 0.99, highest first."""
    return sorted((dice.fraction(min(low, 0.99), 0.99) for _index in range(count)), reverse=True)


def model_labels(model):
    """The classes a custom model was trained to recognise (the emulator has no labelled data: made-up names)."""
    return tuple(('%s-class-%d' % (model['displayName'], number), (), ()) for number in range(1, 4))


def text(dice, count):
    words = [dice.pick(WORDS) for _index in range(count)]
    word_items = [{'text': word, 'confidence': confidence, 'boundingPolygon': polygon(dice)}
                  for word, confidence in zip(words, confidences(dice, count))]
    lines = [{'text': ' '.join(words[start:start + 3]), 'confidence': dice.fraction(0.6, 0.99),
              'boundingPolygon': polygon(dice), 'wordIndexes': list(range(start, min(start + 3, count)))}
             for start in range(0, count, 3)]
    return word_items, lines


def version(feature, models):
    model = models.get(feature.get('modelId'))
    return model['modelVersion'] if model else PRETRAINED_VERSIONS[feature['featureType']]


def analyze_image(data, features, models):
    """AnalyzeImageResult for the image bytes. `models` maps the custom model ids the features name to models."""
    dice = Dice('image', hashlib.sha256(data).hexdigest())
    result = {}
    for feature in features:
        kind = feature['featureType']
        model = models.get(feature.get('modelId'))
        vocabulary = model_labels(model) if model else LABELS
        count = min(feature.get('maxResults') or 5, len(vocabulary))
        if kind == 'IMAGE_CLASSIFICATION':
            chosen = [vocabulary[(dice.byte() + index) % len(vocabulary)] for index in range(count)]
            result['labels'] = [{'name': name, 'confidence': confidence}
                                for (name, _parents, _synonyms), confidence in zip(chosen, confidences(dice, count))]
            result['ontologyClasses'] = [{'name': name, 'parentNames': list(parents), 'synonymNames': list(synonyms)}
                                         for name, parents, synonyms in chosen]
            result['imageClassificationModelVersion'] = version(feature, models)
        elif kind == 'OBJECT_DETECTION':
            result['imageObjects'] = [{'name': dice.pick(vocabulary)[0], 'confidence': confidence, 'boundingPolygon': polygon(dice)}
                                      for confidence in confidences(dice, min(count, 3))]
            result['objectDetectionModelVersion'] = version(feature, models)
        elif kind == 'TEXT_DETECTION':
            words, lines = text(dice, 6)
            result['imageText'] = {'words': words, 'lines': lines}
            result['textDetectionModelVersion'] = version(feature, models)
        elif 'detectedFaces' not in result:  # FACE_DETECTION and FACE_EMBEDDING describe the same faces
            face_features = [item for item in features if item['featureType'] in ('FACE_DETECTION', 'FACE_EMBEDDING')]
            faces = []
            for confidence in confidences(dice, min(max(item.get('maxResults') or 2 for item in face_features), 2)):
                face = {'confidence': confidence, 'boundingPolygon': polygon(dice), 'qualityScore': dice.fraction(0.3, 0.95)}
                if any(item.get('shouldReturnLandmarks') for item in face_features):
                    face['landmarks'] = [{'type': name, 'x': dice.fraction(), 'y': dice.fraction()} for name in LANDMARKS]
                if any(item['featureType'] == 'FACE_EMBEDDING' for item in face_features):
                    face['embeddings'] = [dice.fraction(-1.0, 1.0) for _index in range(16)]
                faces.append(face)
            result['detectedFaces'] = faces
            result['faceDetectionModelVersion'] = version(feature, models)
    result['errors'] = []
    return result


def analyze_document(data, features, language=None, document_type=None):
    """AnalyzeDocumentResult for the document bytes."""
    dice = Dice('document', hashlib.sha256(data).hexdigest())
    pages = []
    result = {'documentMetadata': {'pageCount': page_count(data), 'mimeType': MIME_TYPES.get(file_format(data), 'application/pdf')},
              'pages': pages}
    wanted = {feature['featureType']: feature for feature in features}
    for number in range(1, page_count(data) + 1):
        page = {'pageNumber': number, 'dimensions': {'width': 8.5, 'height': 11.0, 'unit': 'INCH'}}
        if 'TEXT_DETECTION' in wanted or 'KEY_VALUE_DETECTION' in wanted or 'TABLE_DETECTION' in wanted:
            page['words'], page['lines'] = text(dice, 9)
        if 'TABLE_DETECTION' in wanted:
            def row(row_index):
                return {'cells': [{'text': dice.pick(WORDS), 'rowIndex': row_index, 'columnIndex': column, 'confidence': dice.fraction(0.6, 0.99),
                                   'boundingPolygon': polygon(dice), 'wordIndexes': [column]} for column in range(3)]}
            page['tables'] = [{'rowCount': 3, 'columnCount': 3, 'headerRows': [row(0)], 'bodyRows': [row(1), row(2)], 'footerRows': [],
                               'confidence': dice.fraction(0.7, 0.99), 'boundingPolygon': polygon(dice)}]
        if 'KEY_VALUE_DETECTION' in wanted:
            page['documentFields'] = [{
                'fieldType': 'KEY_VALUE',
                'fieldLabel': {'name': label, 'confidence': dice.fraction(0.6, 0.99)},
                'fieldName': {'name': label, 'confidence': dice.fraction(0.6, 0.99), 'boundingPolygon': polygon(dice), 'wordIndexes': [index]},
                'fieldValue': {'valueType': 'STRING', 'text': value, 'value': value, 'confidence': dice.fraction(0.6, 0.99),
                               'boundingPolygon': polygon(dice), 'wordIndexes': [index + 1]},
            } for index, (label, value) in enumerate((('InvoiceId', 'INV-%04d' % dice.byte()), ('Total', '%d.00' % dice.byte())))]
        pages.append(page)
    if 'LANGUAGE_CLASSIFICATION' in wanted:
        count = min(wanted['LANGUAGE_CLASSIFICATION'].get('maxResults') or 1, 3)
        codes = [language or 'ENG'] + [code for code in ('ENG', 'DEU', 'FRA') if code != (language or 'ENG')]
        result['detectedLanguages'] = [{'languageCode': code, 'confidence': confidence}
                                       for code, confidence in zip(codes[:count], confidences(dice, count))]
        result['languageClassificationModelVersion'] = version(wanted['LANGUAGE_CLASSIFICATION'], {})
    if 'DOCUMENT_CLASSIFICATION' in wanted:
        count = min(wanted['DOCUMENT_CLASSIFICATION'].get('maxResults') or 1, 3)
        types = [document_type or 'INVOICE'] + [kind for kind in ('INVOICE', 'RECEIPT', 'OTHERS') if kind != (document_type or 'INVOICE')]
        result['detectedDocumentTypes'] = [{'documentType': kind, 'confidence': confidence}
                                           for kind, confidence in zip(types[:count], confidences(dice, count))]
        result['documentClassificationModelVersion'] = version(wanted['DOCUMENT_CLASSIFICATION'], {})
    for kind, key in (('TEXT_DETECTION', 'textDetectionModelVersion'), ('KEY_VALUE_DETECTION', 'keyValueDetectionModelVersion'),
                      ('TABLE_DETECTION', 'tableDetectionModelVersion')):
        if kind in wanted:
            result[key] = version(wanted[kind], {})
    if (wanted.get('TEXT_DETECTION') or {}).get('generateSearchablePdf'):
        result['searchablePdf'] = base64.b64encode(b'%PDF-1.4\n% searchable copy made by the emulator\n%%EOF\n').decode('ascii')
    result['errors'] = []
    return result


def analyze_video(data, features, models):
    """AnalyzeVideoResult (the SDK's shape) for the video bytes: a 10 s clip at 30 frames per second."""
    dice = Dice('video', hashlib.sha256(data).hexdigest())
    result = {'videoMetadata': {'frameCount': 300, 'frameRate': 30.0, 'frameWidth': 1280, 'frameHeight': 720}}

    def segment():
        start = dice.byte() * 20
        return {'startTimeOffsetMs': start, 'endTimeOffsetMs': start + 2000}

    for feature in features:
        kind = feature['featureType']
        model = models.get(feature.get('modelId'))
        vocabulary = model_labels(model) if model else LABELS
        count = min(feature.get('maxResults') or 3, 3)
        low = max(0.5, feature.get('minConfidence') or 0.0)  # nothing below the feature's minConfidence is reported

        def frames():
            return [{'timeOffsetMs': dice.byte() * 20, 'confidence': dice.fraction(low, 0.99), 'boundingPolygon': polygon(dice)}]

        if kind == 'LABEL_DETECTION':
            result['videoLabels'] = [{'name': dice.pick(vocabulary)[0], 'segments': [{'videoSegment': segment(), 'confidence': confidence}]}
                                     for confidence in confidences(dice, count, low)]
            result['labelDetectionModelVersion'] = version(feature, models)
        elif kind == 'OBJECT_DETECTION':
            result['videoObjects'] = [{'name': dice.pick(vocabulary)[0], 'segments': [
                {'videoSegment': segment(), 'confidence': confidence, 'frames': frames()}]} for confidence in confidences(dice, count, low)]
            result['objectDetectionModelVersion'] = version(feature, models)
        elif kind == 'OBJECT_TRACKING':
            result['videoTrackedObjects'] = [{'name': dice.pick(vocabulary)[0], 'objectId': number, 'segments': [
                {'videoSegment': segment(), 'confidence': confidence, 'frames': frames()}]}
                for number, confidence in enumerate(confidences(dice, count, low), 1)]
            result['objectTrackingModelVersion'] = version(feature, models)
        elif kind == 'TEXT_DETECTION':
            result['videoText'] = [{'text': dice.pick(WORDS), 'segments': [{'videoSegment': segment(), 'confidence': dice.fraction(low, 0.99),
                                                                            'frames': frames()}]} for _index in range(2)]
            result['textDetectionModelVersion'] = version(feature, models)
        else:  # FACE_DETECTION
            face_frames = frames()
            if feature.get('isLandmarkRequired'):
                for frame in face_frames:
                    frame['landmarks'] = [{'type': name, 'x': dice.fraction(), 'y': dice.fraction()} for name in LANDMARKS]
            result['videoFaces'] = [{'segments': [{'videoSegment': segment(), 'confidence': dice.fraction(low, 0.99), 'frames': face_frames}]}]
            result['faceDetectionModelVersion'] = version(feature, models)
    result['errors'] = []
    return result
